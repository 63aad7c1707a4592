import { whatheadRequestedPermissions } from './limits/permission-catalogue.js';

/**
 * The developer app the emulator knows out of the box: Whathead's. Its id and secret are what
 * `npm start` uses when TIKTOK_APP_ID is unset. The values are fixed, public and offline-only.
 */
export const emulatorApp = {
  appId: '7300000000000000001',
  secret: '5f0c8e2a9b7d4e6f1a3c5b7d9e0f2a4c6b8d0e1f',
  name: 'Whathead',
  requestedPermissions: whatheadRequestedPermissions,
} as const;

export const defaultPublicUrl = 'http://localhost:3000';

/** Whathead's OAuth callback (issue 3 "How to organise it"). */
export const whatheadRedirectUri = (publicUrl: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/api/integrations/tiktok/callback`;

export interface AppRegistration {
  appId: string;
  secret: string;
  name: string;
  redirectUris: string[];
  requestedPermissions?: number[];
}
