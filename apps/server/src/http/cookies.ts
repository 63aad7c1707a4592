import type { CookieSerializeOptions } from '@fastify/cookie';

export const sessionCookie = 'whathead_session';
export const csrfCookie = 'whathead_csrf';

/** HttpOnly so scripts cannot read them; Lax so cross-site subrequests do not carry them. */
export const cookieOptions = (secure: boolean, maxAgeSeconds?: number): CookieSerializeOptions => ({
  httpOnly: true,
  sameSite: 'lax',
  secure,
  path: '/',
  ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
});
