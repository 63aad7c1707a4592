import { describe, expect, it } from 'vitest';
import { homePath, logInPath, redirectTarget } from './redirect-target';

describe('redirectTarget', () => {
  it('keeps a path of this app', () => {
    expect(redirectTarget('/settings?tab=members')).toBe('/settings?tab=members');
  });

  it.each(['https://evil.example', '//evil.example', '/\\evil.example', 'settings', '', null])(
    'refuses %s and goes home instead',
    (next) => {
      expect(redirectTarget(next)).toBe(homePath);
    },
  );
});

describe('logInPath', () => {
  it('remembers where to come back to', () => {
    expect(logInPath('/invite/abc')).toBe('/login?next=%2Finvite%2Fabc');
  });

  it('leaves out the home page, where a log-in goes anyway', () => {
    expect(logInPath('/')).toBe('/login');
    expect(logInPath(homePath)).toBe('/login');
  });
});
