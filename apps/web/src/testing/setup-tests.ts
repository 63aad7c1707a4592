import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { queryClient } from '../lib/query-client';

// The default 1 s for findBy/waitFor is too short when the suite shares two cores with other
// test runners; a slow render is not a failure, a missing element still is. A test may wait for
// several elements in turn, so vitest's per-test limit (vite.config.ts) is several times this.
configure({ asyncUtilTimeout: 10_000 });

// jsdom has no layout, so the router's scroll restoration has nothing to scroll.
window.scrollTo = () => undefined;
Element.prototype.scrollIntoView = () => undefined;

declare module 'vitest' {
  interface TaskMeta {
    retryCount?: number;
  }
}

afterEach(({ task }) => {
  // vitest's JSON report carries no retry count, but it carries each test's meta: the test
  // runner (scripts/test.ts) reads it there to name a test that passed only on a retry.
  if (task.result?.retryCount) task.meta.retryCount = task.result.retryCount;
  cleanup();
  queryClient.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
