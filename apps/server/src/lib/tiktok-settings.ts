/** How this process reaches TikTok: the real one, or the built-in emulator standing in for it. */
export interface TikTokSettings {
  mode: 'tiktok' | 'emulator';
  appId: string;
  secret: string;
  /** Marketing API base including the version path, e.g. https://business-api.tiktok.com/open_api/v1.3 */
  apiBaseUrl: string;
  /** The advertiser authorization page users are sent to. */
  authUrl: string;
}
