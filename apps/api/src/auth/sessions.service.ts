import { Injectable } from '@nestjs/common';
import type { Role } from '@rapport/domain';
import type { CookieOptions, Request, Response } from 'express';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { Db } from '../database/db.service';
import type { Actor } from './actor';
import { newToken, tokenHash } from './tokens';

export const SESSION_COOKIE = 'rapport_session';
/** A session unused for this long ends. */
export const SESSION_IDLE_DAYS = 30;
/** A session ends this long after sign-in, however much it is used. */
export const SESSION_MAX_DAYS = 90;
/**
 * `last_seen_at` is written at most this often per session. Every request resolves its session;
 * writing on each would turn every read into a write on one hot row (WAL, dead tuples, row locks
 * between a tab's parallel requests), while a 30-day idle limit loses nothing to 5 minutes of slack.
 */
export const LAST_SEEN_RESOLUTION_MINUTES = 5;

/** SQL: the session row `s` has not expired, idle or absolute. */
const LIVE = `(s.expires_at > now() and s.last_seen_at > now() - make_interval(days => ${SESSION_IDLE_DAYS}))`;

type Exchange = { req: Request; res: Response };

@Injectable()
export class SessionsService {
  constructor(
    private readonly db: Db,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /**
   * Opens a new session for the member inside the caller's transaction and sets its cookie. The
   * session the request came with, if any, is deleted: a session id never survives a sign-in, so
   * one planted in a browser before (session fixation) is worthless after it.
   */
  async open(
    em: EntityManager,
    { req, res }: Exchange,
    workspaceId: string,
    memberId: string,
  ): Promise<void> {
    const previous = sessionToken(req);
    if (previous) await em.query(`delete from sessions where token_hash = $1`, [tokenHash(previous)]);
    // Expired sessions of this member go as a new one arrives.
    await em.query(`delete from sessions s where workspace_id = $1 and member_id = $2 and not ${LIVE}`, [
      workspaceId,
      memberId,
    ]);
    const token = newToken();
    await em.query(
      `insert into sessions (token_hash, workspace_id, member_id, role, expires_at)
       select $1, m.workspace_id, m.id, m.role, now() + make_interval(days => $4)
         from members m where m.workspace_id = $2 and m.id = $3`,
      [tokenHash(token), workspaceId, memberId, SESSION_MAX_DAYS],
    );
    // The browser keeps it for the absolute lifetime; the server enforces the idle one.
    res.cookie(SESSION_COOKIE, token, { ...this.cookieOptions(), maxAge: SESSION_MAX_DAYS * 86_400_000 });
  }

  /**
   * The current member behind a cookie token, or undefined (unknown, expired, or the member was
   * removed). One statement on the global sessions table, which carries the member's role (a trigger
   * keeps it exact and deletes a removed member's sessions): every request pays it.
   */
  async resolve(token: string | undefined): Promise<Actor | undefined> {
    if (!token || token.length > 200) return undefined;
    const hash = tokenHash(token);
    const [session] = (await this.db.statement(
      `select workspace_id, member_id, role, ${LIVE} as live,
              s.last_seen_at < now() - make_interval(mins => ${LAST_SEEN_RESOLUTION_MINUTES}) as stale
         from sessions s where token_hash = $1`,
      [hash],
    )) as { workspace_id: string; member_id: string; role: Role; live: boolean; stale: boolean }[];
    if (!session) return undefined;
    if (!session.live) {
      await this.delete(hash);
      return undefined;
    }
    if (session.stale) {
      await this.db.statement(`update sessions set last_seen_at = now() where token_hash = $1`, [hash]);
    }
    return { workspaceId: session.workspace_id, memberId: session.member_id, role: session.role };
  }

  async close({ req, res }: Exchange): Promise<void> {
    const token = sessionToken(req);
    if (token) await this.delete(tokenHash(token));
    res.clearCookie(SESSION_COOKIE, this.cookieOptions());
  }

  private delete(hash: Buffer) {
    return this.db.statement(`delete from sessions where token_hash = $1`, [hash]);
  }

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: this.config.publicUrl.startsWith('https:'), path: '/' };
  }
}

/** The session token a request carries, if any. */
export const sessionToken = (req: Request): string | undefined => {
  const token: unknown = req.cookies?.[SESSION_COOKIE];
  return typeof token === 'string' && token !== '' ? token : undefined;
};
