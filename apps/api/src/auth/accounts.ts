import type { Role } from '@rapport/domain';
import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../database/pg-errors';
import { conflict } from '../graphql/errors';
import { MemberEntity } from '../modules/members/member.entity';

const EMAIL_TAKEN = 'An account with this email already exists';

export interface NewAccount {
  workspaceId: string;
  memberId: string;
  name: string;
  email: string;
  role: Role;
  passwordHash: string;
}

/** Creates a member and the credentials they sign in with. One email, one account, across workspaces. */
export async function createAccount(em: EntityManager, account: NewAccount): Promise<MemberEntity> {
  const { workspaceId, memberId, name, email, role, passwordHash } = account;
  const taken = await em.query(`select 1 from credentials where email = $1`, [email]);
  if (taken.length > 0) throw conflict(EMAIL_TAKEN, { email: EMAIL_TAKEN });
  const member = em.create(MemberEntity, { workspaceId, id: memberId, name, email, role });
  try {
    await em.insert(MemberEntity, member);
    await em.query(
      `insert into credentials (email, workspace_id, member_id, password_hash) values ($1, $2, $3, $4)`,
      [email, workspaceId, memberId, passwordHash],
    );
  } catch (error) {
    // A concurrent request took the email after the check: in this workspace (members) or anywhere (credentials).
    if (isUniqueViolation(error)) throw conflict(EMAIL_TAKEN, { email: EMAIL_TAKEN });
    throw error;
  }
  return member;
}
