import { TikTokApiError, type AdvertiserInfo, type TikTokClient } from '@whathead/tiktok-client';

/**
 * /advertiser/info/ for `ids`. TikTok refuses the whole call when one id is gone (40001 "The
 * advertiser … doesn't exist or has been deleted", §3.4): that id is set aside as unavailable and
 * the rest asked again.
 */
export async function readAdvertiserInfos(
  tiktok: TikTokClient,
  accessToken: string,
  ids: readonly string[],
): Promise<{ found: AdvertiserInfo[]; unavailable: string[] }> {
  const unavailable: string[] = [];
  let remaining = [...ids];
  while (remaining.length > 0) {
    try {
      return {
        found: await tiktok.advertisers.getInfo({ accessToken, advertiserIds: remaining }),
        unavailable,
      };
    } catch (error) {
      const gone = unavailableAdvertiserOf(error, remaining);
      if (gone === undefined) throw error;
      unavailable.push(gone);
      remaining = remaining.filter((id) => id !== gone);
    }
  }
  return { found: [], unavailable };
}

/** The account an `advertiser_unavailable` error names, when it is one of `ids`. */
export function unavailableAdvertiserOf(error: unknown, ids: readonly string[]): string | undefined {
  if (!TikTokApiError.isInstance(error) || error.kind !== 'advertiser_unavailable') return undefined;
  if (error.advertiserId && ids.includes(error.advertiserId)) return error.advertiserId;
  return ids.find((id) => error.tiktokMessage.includes(id));
}
