import { z } from 'zod';
import { ROLES, type Role } from './enums';
import { cadenceDays, email, password, requiredText } from './validation';

/** Cadence used when a workspace has never set one. */
export const DEFAULT_CADENCE_DAYS = 30;

/** Invitation links expire after this many days. */
export const INVITATION_TTL_DAYS = 7;

export const memberName = requiredText(100);
export const workspaceName = requiredText(100);

export const signUpSchema = z.object({
  workspaceName,
  name: memberName,
  email,
  password,
});
export type SignUpInput = z.output<typeof signUpSchema>;

export const signInSchema = z.object({
  email,
  password: z.string().min(1, 'Required').max(200, 'At most 200 characters'),
});
export type SignInInput = z.output<typeof signInSchema>;

export const inviteMemberSchema = z.object({
  email,
  name: memberName,
  role: z.enum(ROLES),
});
export type InviteMemberInput = z.output<typeof inviteMemberSchema>;

export const acceptInvitationSchema = z.object({
  token: z.string().min(1, 'Required').max(200, 'Invalid token'),
  name: memberName,
  password,
});
export type AcceptInvitationInput = z.output<typeof acceptInvitationSchema>;

export const updateWorkspaceSchema = z
  .object({
    name: workspaceName.optional(),
    defaultCadenceDays: cadenceDays.optional(),
    /** A customer is asked for feedback at most once in this many days (0: no waiting period). */
    feedbackCapDays: z
      .number('Enter a number of days')
      .int('Use whole days')
      .min(0, 'At least 0 days')
      .max(365, 'At most 365 days')
      .optional(),
  })
  .strict();
export type UpdateWorkspaceInput = z.output<typeof updateWorkspaceSchema>;

/**
 * Whether a workspace still has an owner after the member `memberId` takes `role` (null: is removed).
 * `ownerIds` are its current owners. Every workspace keeps at least one: someone must manage it.
 */
export function keepsAnOwner(ownerIds: readonly string[], memberId: string, role: Role | null): boolean {
  return role === 'OWNER' || ownerIds.some((id) => id !== memberId);
}
