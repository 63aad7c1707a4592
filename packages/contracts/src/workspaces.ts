import { z } from 'zod';
import { emailSchema } from './email.js';
import { singleLineTextSchema } from './text.js';

export const roles = ['owner', 'admin', 'member'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Owners and admins manage the team; members use the workspace. */
export const canManageMembers = (role: Role): boolean => role === 'owner' || role === 'admin';

export const workspaceSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: roleSchema,
});
export type WorkspaceSummary = z.infer<typeof workspaceSummarySchema>;

export const workspaceIdParamsSchema = z.strictObject({ workspaceId: z.uuid('Not a workspace id.') });

export const workspaceNameSchema = singleLineTextSchema({ empty: 'Enter a workspace name.' });

export const createWorkspaceInputSchema = z.strictObject({ name: workspaceNameSchema });
export type CreateWorkspaceInput = z.infer<typeof createWorkspaceInputSchema>;

export const switchWorkspaceInputSchema = z.strictObject({ workspaceId: z.uuid('Not a workspace id.') });
export type SwitchWorkspaceInput = z.infer<typeof switchWorkspaceInputSchema>;

export const memberSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  joinedAt: z.iso.datetime(),
});
export type Member = z.infer<typeof memberSchema>;

export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: roleSchema,
  invitedBy: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const membersResponseSchema = z.object({
  members: z.array(memberSchema),
  invitations: z.array(invitationSchema),
});
export type MembersResponse = z.infer<typeof membersResponseSchema>;

export const createInvitationInputSchema = z.strictObject({
  email: emailSchema,
  role: z.enum(['admin', 'member'], 'Choose admin or member.'),
});
export type CreateInvitationInput = z.infer<typeof createInvitationInputSchema>;

/** The link is shown to the inviter, who passes it on; the token in it is never stored in clear. */
export const createInvitationResponseSchema = z.object({
  invitation: invitationSchema,
  link: z.url(),
});
export type CreateInvitationResponse = z.infer<typeof createInvitationResponseSchema>;

export const invitationTokenParamsSchema = z.strictObject({ token: z.string().min(1).max(200) });
export const invitationIdParamsSchema = z.strictObject({
  workspaceId: z.uuid('Not a workspace id.'),
  invitationId: z.uuid('Not an invitation id.'),
});

export const invitationPreviewSchema = z.object({
  workspaceName: z.string(),
  email: z.string(),
  role: roleSchema,
  invitedBy: z.string(),
  expiresAt: z.iso.datetime(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;
