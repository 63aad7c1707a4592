/**
 * Reference §1.1: the advertiser authorization page takes `app_id`, `redirect_uri` (registered
 * for the app) and an opaque `state`, echoed back. Permissions are chosen on the developer app,
 * so no `scope` is sent.
 */
export function buildAuthorizationUrl(
  authorizationPageUrl: string,
  appId: string,
  { redirectUri, state }: { redirectUri: string; state: string },
): string {
  const url = new URL(authorizationPageUrl);
  url.searchParams.set('app_id', appId);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('state', state);
  return url.toString();
}
