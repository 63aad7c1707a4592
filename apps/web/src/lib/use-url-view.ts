import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';

export type ChangeUrlView<View> = (changes: Partial<View>, options?: { replace?: boolean }) => void;

/**
 * A page's view, as the URL's query holds it, and a way to change it: `parse` reads a view (never
 * failing), `write` names it. A change is a new history entry, so Back undoes it; `replace` is for
 * changes too small to go back through one by one (ticking rows, refining a search).
 */
export function useUrlView<View>(
  parse: (params: URLSearchParams) => View,
  write: (view: View) => URLSearchParams,
): { view: View; changeView: ChangeUrlView<View> } {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parse(params), [parse, params]);
  // The URL last written, until the location has it: two quick changes (two ticks before the
  // router commits the first) must build on each other, not both on the older URL.
  const written = useRef<URLSearchParams | null>(null);
  useEffect(() => {
    written.current = null;
  }, [params]);
  const changeView = useCallback<ChangeUrlView<View>>(
    (changes, options) => {
      const next = write({ ...parse(written.current ?? params), ...changes });
      written.current = next;
      setParams(next, {
        replace: options?.replace ?? false,
        // The router's scroll restoration would otherwise jump to the top on every change.
        preventScrollReset: true,
      });
    },
    [parse, write, params, setParams],
  );
  return { view, changeView };
}
