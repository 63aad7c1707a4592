import type { Role } from '@whathead/contracts';

export const roleLabels: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  member: 'Member',
};

/** What each role may do, in the words shown next to the role picker. */
export const roleDescriptions: Record<Role, string> = {
  owner: 'Owners manage the workspace and its team.',
  admin: 'Admins can invite teammates and manage the team.',
  member: 'Members work with the workspace’s campaigns, media and reports.',
};
