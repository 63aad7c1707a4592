// Reference §9: TikTok's permission ids, three levels, a parent id implying its children. Only the
// groups the emulated endpoints need are listed; names are TikTok's as the portal shows them (the
// level-3 ids of groups 6, 7 and 8 as api-evangelist/tiktok-ads `scopes/tiktok-ads-scopes.yml`
// relays them: 692/693 identities, 700 apps, 800 pixels).

export interface Permission {
  id: number;
  name: string;
  children: Permission[];
}

const leaf = (id: number, name: string): Permission => ({ id, name, children: [] });

export const permissionCatalogue: Permission[] = [
  {
    id: 1,
    name: 'Ad Account Management',
    children: [
      { id: 10, name: 'Ad Account Information', children: [leaf(100, 'Read Ad Account Information')] },
      {
        id: 15,
        name: 'Business Center',
        children: [
          leaf(150, 'Read Business Center Information'),
          leaf(153, 'Business Center Asset Management'),
          leaf(156, 'Business Center Member Management'),
        ],
      },
    ],
  },
  {
    id: 2,
    name: 'Ads Management',
    children: [
      {
        id: 20,
        name: 'Campaign',
        children: [leaf(200, 'Read Campaign'), leaf(201, 'Create and Update Campaign')],
      },
      {
        id: 21,
        name: 'Ad Group',
        children: [leaf(210, 'Read Ad Group'), leaf(211, 'Create and Update Ad Group')],
      },
      { id: 22, name: 'Ad', children: [leaf(220, 'Read Ad'), leaf(221, 'Create and Update Ad')] },
    ],
  },
  {
    // Reference §9 names the ids only ("30 read, 31 create/update, 32 share custom audiences"):
    // the names below say that in words.
    id: 3,
    name: 'Audience Management',
    children: [
      leaf(30, 'Read Custom Audiences'),
      leaf(31, 'Create and Update Custom Audiences'),
      leaf(32, 'Share Custom Audiences'),
    ],
  },
  {
    id: 4,
    name: 'Reporting',
    children: [
      leaf(40, 'Ad Account Level Report'),
      leaf(41, 'Campaign Level Report'),
      leaf(42, 'Ad Group Level Report'),
      leaf(43, 'Ad Level Report'),
      leaf(44, 'Consolidated Report'),
    ],
  },
  {
    id: 6,
    name: 'Creative Management',
    children: [
      { id: 60, name: 'Images', children: [leaf(600, 'Read Images'), leaf(601, 'Upload Images')] },
      { id: 61, name: 'Videos', children: [leaf(610, 'Read Videos'), leaf(611, 'Upload Videos')] },
      {
        id: 69,
        name: 'TikTok Posts Management',
        children: [
          leaf(690, 'Query TikTok Posts'),
          leaf(691, 'Authorize TikTok Posts'),
          leaf(692, 'Create Identity'),
          leaf(693, 'Query Identity'),
        ],
      },
    ],
  },
  {
    id: 7,
    name: 'App Management',
    children: [
      {
        id: 70,
        name: 'App Management',
        children: [leaf(700, 'Read Apps'), leaf(701, 'Create and Update Apps')],
      },
    ],
  },
  {
    id: 8,
    name: 'Pixel Management',
    children: [
      {
        id: 80,
        name: 'Pixel Management',
        children: [
          leaf(800, 'Read Pixels'),
          leaf(801, 'Create and Update Pixels'),
          leaf(802, 'Pixel Level Reporting'),
        ],
      },
    ],
  },
];

const parentOf = new Map<number, number>();
const byId = new Map<number, Permission>();
const index = (permission: Permission, parent?: number): void => {
  byId.set(permission.id, permission);
  if (parent !== undefined) parentOf.set(permission.id, parent);
  for (const child of permission.children) index(child, permission.id);
};
for (const group of permissionCatalogue) index(group);

export const findPermission = (id: number): Permission | undefined => byId.get(id);

/** True when the scope holds the id or one of its ancestors (a parent implies its children). */
export function scopeGrants(scope: readonly number[], permissionId: number): boolean {
  for (
    let current: number | undefined = permissionId;
    current !== undefined;
    current = parentOf.get(current)
  ) {
    if (scope.includes(current)) return true;
  }
  return false;
}

/**
 * Whathead's app asks for the four groups its help page lists (Ad Account, Ads, Reporting,
 * Creative), and Audience, App and Pixel Management (3, 7, 8), which the campaign builder reads
 * for an ad group's custom audiences, app promotion and conversion goals. Those three are
 * optional to Whathead: without them the builder says so where it needs them.
 */
export const whatheadRequestedPermissions: number[] = [1, 2, 3, 4, 6, 7, 8];

/**
 * The level-2 choices shown on the consent page for an app's request, grouped by level-1 name.
 * A requested level-1 id offers all its children; a requested level-2 id offers itself.
 */
export function consentChoices(requested: readonly number[]): { group: Permission; choices: Permission[] }[] {
  return permissionCatalogue
    .map((group) => ({
      group,
      choices: group.children.filter((child) => requested.includes(group.id) || requested.includes(child.id)),
    }))
    .filter((entry) => entry.choices.length > 0);
}

/**
 * Reference §1.3 says `scope` holds only what the advertiser approved. We answer every ticked
 * level-2 id with its level-3 children, plus the level-1 id when the whole group was kept.
 */
export function grantedScope(requested: readonly number[], ticked: readonly number[]): number[] {
  const granted = new Set<number>();
  for (const { group, choices } of consentChoices(requested)) {
    const kept = choices.filter((choice) => ticked.includes(choice.id));
    if (kept.length === group.children.length) granted.add(group.id);
    for (const choice of kept) {
      granted.add(choice.id);
      for (const child of choice.children) granted.add(child.id);
    }
  }
  return [...granted].sort((left, right) => left - right);
}

/** The scope a user grants when keeping every box ticked. */
export const fullScope = (requested: readonly number[]): number[] =>
  grantedScope(
    requested,
    consentChoices(requested).flatMap(({ choices }) => choices.map((choice) => choice.id)),
  );
