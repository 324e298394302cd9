import type { EntityManager } from 'typeorm';

/**
 * Whether `memberId` is a current (not removed) member of the workspace, for assigning work to them.
 * The row is locked FOR SHARE until the caller commits: a removal (which updates the row) waits for
 * the assignment, then unassigns it with the rest, so nothing stays assigned to a removed member.
 */
export async function isCurrentMember(em: EntityManager, workspaceId: string, memberId: string) {
  const rows: unknown[] = await em.query(
    `select 1 from members where workspace_id = $1 and id = $2 and removed_at is null for share`,
    [workspaceId, memberId],
  );
  return rows.length > 0;
}
