import type { CookieSerializeOptions } from '@fastify/cookie';

export interface CookieNames {
  session: string;
  csrf: string;
}

/**
 * Over https the `__Host-` prefix makes browsers refuse these cookies when a sibling subdomain
 * tries to plant them (they must be Secure, Path=/, without Domain). Plain http, as in
 * development, cannot use the prefix.
 */
export const cookieNames = (secure: boolean): CookieNames =>
  secure
    ? { session: '__Host-whathead_session', csrf: '__Host-whathead_csrf' }
    : { session: 'whathead_session', csrf: 'whathead_csrf' };

/** HttpOnly so scripts cannot read them; Lax so cross-site subrequests do not carry them. */
export const cookieOptions = (secure: boolean, maxAgeSeconds?: number): CookieSerializeOptions => ({
  httpOnly: true,
  sameSite: 'lax',
  secure,
  path: '/',
  ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
});
