export const homePath = '/campaigns';

/**
 * Where to go after logging in, from a `next` query parameter. Only paths of this app are allowed,
 * so a crafted link cannot send a freshly logged-in user to another site (an open redirect).
 */
export function redirectTarget(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return homePath;
  return next;
}

/** `/login?next=…` for coming back to `path` after logging in. */
export function logInPath(path?: string): string {
  if (!path || path === '/' || path === homePath) return '/login';
  return `/login?next=${encodeURIComponent(path)}`;
}
