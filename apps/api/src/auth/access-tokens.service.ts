import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Db } from '../database/db.service';
import { newToken, tokenHash } from './tokens';

/** What a link grants: invitations now; audit and feedback links reuse the same table. */
export type AccessTokenKind = 'invitation' | 'audit' | 'feedback' | 'survey';

export interface AccessLink {
  workspaceId: string;
  subjectId: string;
  expiresAt: Date;
}

/**
 * Links for people without a session. The token (256 random bits) travels in the URL; only its
 * SHA-256 is stored, in a global table, because the workspace is not known until it is looked up.
 */
@Injectable()
export class AccessTokensService {
  constructor(private readonly db: Db) {}

  async issue(
    em: EntityManager,
    kind: AccessTokenKind,
    workspaceId: string,
    subjectId: string,
    expiresAt: Date,
    token = newToken(),
  ) {
    await em.query(
      `insert into access_tokens (token_hash, kind, workspace_id, subject_id, expires_at) values ($1, $2, $3, $4, $5)`,
      [tokenHash(token), kind, workspaceId, subjectId, expiresAt],
    );
    return token;
  }

  /** The live (unused, unexpired) link behind a token, or null. */
  async find(kind: AccessTokenKind, token: string): Promise<AccessLink | null> {
    const [row] = (await this.db.global((em) =>
      em.query(
        `select workspace_id, subject_id, expires_at from access_tokens
          where token_hash = $1 and kind = $2 and used_at is null and expires_at > now()`,
        [tokenHash(token), kind],
      ),
    )) as { workspace_id: string; subject_id: string; expires_at: Date }[];
    return row
      ? { workspaceId: row.workspace_id, subjectId: row.subject_id, expiresAt: row.expires_at }
      : null;
  }

  /** Any link behind a token among these kinds, live or not (used, expired), or null. */
  async lookup(kinds: AccessTokenKind[], token: string) {
    const [row] = (await this.db.global((em) =>
      em.query(
        `select kind, workspace_id, subject_id, expires_at, used_at from access_tokens
          where token_hash = $1 and kind = any($2)`,
        [tokenHash(token), kinds],
      ),
    )) as {
      kind: AccessTokenKind;
      workspace_id: string;
      subject_id: string;
      expires_at: Date;
      used_at: Date | null;
    }[];
    return row
      ? {
          kind: row.kind,
          workspaceId: row.workspace_id,
          subjectId: row.subject_id,
          expired: row.expires_at.getTime() <= Date.now(),
          used: row.used_at !== null,
        }
      : null;
  }

  /** Ends every link of this kind to a subject (before issuing a new one). */
  async revoke(em: EntityManager, kind: AccessTokenKind, workspaceId: string, subjectId: string) {
    await em.query(`delete from access_tokens where kind = $1 and workspace_id = $2 and subject_id = $3`, [
      kind,
      workspaceId,
      subjectId,
    ]);
  }

  /** Marks a live token used and returns its subject; null when it was not live (or another request won). */
  async claim(em: EntityManager, kind: AccessTokenKind, token: string): Promise<string | null> {
    const [row] = (await em.query(
      `with claimed as (
         update access_tokens set used_at = now()
          where token_hash = $1 and kind = $2 and used_at is null and expires_at > now()
          returning subject_id)
       select subject_id from claimed`,
      [tokenHash(token), kind],
    )) as { subject_id: string }[];
    return row?.subject_id ?? null;
  }
}
