import type { CookieSerializeOptions } from '@fastify/cookie';

export interface CookieNames {
  session: string;
  csrf: string;
  /** Vouches that this browser logged in to an account before (lib/device-token.ts). */
  device: string;
}

/**
 * Over https the `__Host-` prefix makes browsers refuse these cookies when a sibling subdomain
 * tries to plant them (they must be Secure, Path=/, without Domain). Plain http, as in
 * development, cannot use the prefix.
 */
export const cookieNames = (secure: boolean): CookieNames =>
  secure
    ? { session: '__Host-whathead_session', csrf: '__Host-whathead_csrf', device: '__Host-whathead_device' }
    : { session: 'whathead_session', csrf: 'whathead_csrf', device: 'whathead_device' };

/** A browser is remembered as one the user logs in from for a year after its last log-in. */
export const deviceCookieSeconds = 365 * 24 * 60 * 60;

/** HttpOnly so scripts cannot read them; Lax so cross-site subrequests do not carry them. */
export const cookieOptions = (secure: boolean, maxAgeSeconds?: number): CookieSerializeOptions => ({
  httpOnly: true,
  sameSite: 'lax',
  secure,
  path: '/',
  ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
});
