import { describe, expect, it } from 'vitest';
import { noMatchWords } from './no-match-words';

describe('noMatchWords', () => {
  it('names each filter chosen, so the one to loosen is plain', () => {
    expect(noMatchWords({ account: '1', kind: 'video', ratio: '1:1', q: 'sale' }, 'Northwind US')).toBe(
      'No 1:1 videos named “sale” in Northwind US.',
    );
    expect(noMatchWords({ account: '1', from: '2026-12-01' }, 'Northwind US')).toMatch(
      /^No images or videos uploaded since .+2026 in Northwind US\.$/,
    );
    expect(
      noMatchWords({ account: '1', kind: 'image', from: '2026-12-01', to: '2026-12-01' }, 'Outlet'),
    ).toMatch(/^No images uploaded on .+2026 in Outlet\.$/);
  });
});
