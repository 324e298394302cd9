import { Injectable } from '@nestjs/common';
import type { Role } from '@rapport/domain';
import type { CookieOptions, Response } from 'express';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { Db } from '../database/db.service';
import type { Actor } from './actor';
import { newToken, tokenHash } from './tokens';

export const SESSION_COOKIE = 'rapport_session';
export const SESSION_TTL_DAYS = 30;

@Injectable()
export class SessionsService {
  constructor(
    private readonly db: Db,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** Opens a session for the member inside the caller's transaction and sets its cookie. */
  async open(em: EntityManager, res: Response, workspaceId: string, memberId: string): Promise<void> {
    const token = newToken();
    await em.query(
      `insert into sessions (token_hash, workspace_id, member_id, expires_at)
       values ($1, $2, $3, now() + make_interval(days => $4))`,
      [tokenHash(token), workspaceId, memberId, SESSION_TTL_DAYS],
    );
    res.cookie(SESSION_COOKIE, token, { ...this.cookieOptions(), maxAge: SESSION_TTL_DAYS * 86_400_000 });
  }

  /** The member behind a cookie token, or undefined when it is unknown or expired. */
  async resolve(token: string | undefined): Promise<Actor | undefined> {
    if (!token || token.length > 200) return undefined;
    const [session] = await this.db.global((em) =>
      em.query(`select workspace_id, member_id from sessions where token_hash = $1 and expires_at > now()`, [
        tokenHash(token),
      ]),
    );
    if (!session) return undefined;
    const { workspace_id: workspaceId, member_id: memberId } = session as {
      workspace_id: string;
      member_id: string;
    };
    const [member] = await this.db.inWorkspace(workspaceId, (em) =>
      em.query(`select role from members where workspace_id = $1 and id = $2`, [workspaceId, memberId]),
    );
    return member ? { workspaceId, memberId, role: (member as { role: Role }).role } : undefined;
  }

  async close(token: string | undefined, res: Response): Promise<void> {
    if (token)
      await this.db.global((em) =>
        em.query(`delete from sessions where token_hash = $1`, [tokenHash(token)]),
      );
    res.clearCookie(SESSION_COOKIE, this.cookieOptions());
  }

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: this.config.publicUrl.startsWith('https:'), path: '/' };
  }
}
