import type { TikTokPermission, TikTokPermissionKey } from '@whathead/contracts';

/**
 * The help page's five permissions, as TikTok scope ids (reference §9; the emulator's permission
 * catalogue uses the same ids). Each lists the level-3 ids behind the endpoints Whathead calls.
 */
const requiredPermissions: readonly {
  key: TikTokPermissionKey;
  name: string;
  enables: string;
  scopeIds: readonly string[];
}[] = [
  {
    key: 'ad_account_management',
    name: 'Ad Account Management',
    enables: 'Create, edit, and publish campaigns, ad groups, and ads',
    // 201/211/221: create and update campaigns, ad groups, ads.
    scopeIds: ['201', '211', '221'],
  },
  {
    key: 'ad_account_read',
    name: 'Ad Account Read',
    enables: 'Fetch existing campaigns and view campaign data',
    // 100: /advertiser/info/ and /oauth2/advertiser/get/; 200/210/220: read campaigns, ad groups, ads.
    scopeIds: ['100', '200', '210', '220'],
  },
  {
    key: 'business_center_access',
    name: 'Business Center Access',
    enables: 'Access Business Center and ad account information',
    // 150: /bc/get/; 153: /bc/asset/get/.
    scopeIds: ['150', '153'],
  },
  {
    key: 'creative_management',
    name: 'Creative Management',
    enables: 'Upload and manage creative assets in the media library',
    scopeIds: ['600', '601', '610', '611'],
  },
  {
    key: 'reporting',
    name: 'Reporting',
    enables: 'View campaign performance metrics and analytics',
    // 44: /report/integrated/get/, plus each level's report permission.
    scopeIds: ['40', '41', '42', '43', '44'],
  },
];

/** Reference §9's hierarchy for the ids above: a granted parent implies its children. */
const parentOf: Readonly<Record<string, string>> = {
  '10': '1',
  '100': '10',
  '15': '1',
  '150': '15',
  '153': '15',
  '20': '2',
  '200': '20',
  '201': '20',
  '21': '2',
  '210': '21',
  '211': '21',
  '22': '2',
  '220': '22',
  '221': '22',
  '40': '4',
  '41': '4',
  '42': '4',
  '43': '4',
  '44': '4',
  '60': '6',
  '600': '60',
  '601': '60',
  '61': '6',
  '610': '61',
  '611': '61',
};

/**
 * Ids compared as canonical digit strings, never as numbers: some exceed 2^53 and would collide
 * after rounding, and "044" must still match 44.
 */
const canonical = (id: string): string => id.trim().replace(/^0+(?=\d)/, '');

function isGranted(granted: ReadonlySet<string>, scopeId: string): boolean {
  for (let current: string | undefined = scopeId; current !== undefined; current = parentOf[current]) {
    if (granted.has(current)) return true;
  }
  return false;
}

/**
 * The five permissions, each granted or not. TikTok answers the scope it granted (§1.3); when it
 * answers none at all we cannot tell, and report every permission as granted rather than raise a
 * false alarm: a real gap still surfaces as `permission_denied` on the first call that needs it.
 */
export function describePermissions(grantedScopeIds: readonly string[]): TikTokPermission[] {
  const granted = new Set(grantedScopeIds.map(canonical));
  return requiredPermissions.map(({ key, name, enables, scopeIds }) => ({
    key,
    name,
    enables,
    granted: granted.size === 0 || scopeIds.every((scopeId) => isGranted(granted, scopeId)),
  }));
}

export const canonicalScopeIds = (ids: readonly string[]): string[] => ids.map(canonical);
