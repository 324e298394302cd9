import type { Role } from '@rapport/domain';

/** Who is calling: taken from the session, never from an argument. */
export interface Actor {
  workspaceId: string;
  memberId: string;
  role: Role;
}
