import { flushSync } from 'react-dom';
import { RouterProvider as BaseRouterProvider, type RouterProviderProps } from 'react-router';

/**
 * react-router's provider wired to react-dom's flushSync, which `navigate(…, { flushSync: true })`
 * needs. This is what `react-router/dom` exports; importing it from the main entry instead keeps
 * one copy of the router in Node-based tests, where the two entries resolve to different builds.
 */
export function RouterProvider({ router }: Pick<RouterProviderProps, 'router'>) {
  return (
    <BaseRouterProvider
      router={router}
      flushSync={(update) => {
        flushSync(update);
      }}
    />
  );
}
