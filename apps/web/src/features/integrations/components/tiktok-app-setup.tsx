import type { TikTokConnectionsResponse } from '@whathead/contracts';

/**
 * For whoever registers Whathead's TikTok app: the one redirect URI TikTok must list, and whether
 * this Whathead talks to real TikTok or to its built-in emulator. Collapsed: most users never
 * need it.
 */
export function TikTokAppSetup({ tiktokApp }: { tiktokApp: TikTokConnectionsResponse['tiktokApp'] }) {
  return (
    <details className="integration__setup">
      <summary>Setting up your own TikTok app</summary>
      <p>
        {tiktokApp.usingEmulator
          ? 'No TikTok app is configured, so Whathead is using its built-in TikTok emulator (sign in there as alex.admin@example.com with the password alex-password). '
          : 'Whathead is connected to your TikTok for Business developer app. '}
        Register this redirect URI on the app, exactly as written:
      </p>
      <p>
        <code className="integration__redirect-uri">{tiktokApp.redirectUri}</code>
      </p>
      <p>Then set TIKTOK_APP_ID and TIKTOK_APP_SECRET; the README explains each step.</p>
    </details>
  );
}
