import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { queryClient } from '../lib/query-client';

// The default 1 s for findBy/waitFor is too short when the suite shares two cores with other
// test runners; a slow render is not a failure, a missing element still is.
configure({ asyncUtilTimeout: 5000 });

// jsdom has no layout, so the router's scroll restoration has nothing to scroll.
window.scrollTo = () => undefined;

afterEach(() => {
  cleanup();
  queryClient.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
