import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { parseView, searchParamsOf, type ReportView } from '../lib/report-view';

export type ChangeView = (changes: Partial<ReportView>, options?: { replace?: boolean }) => void;

/**
 * The view in the URL and a way to change it. A change is a new history entry, so Back undoes it;
 * `replace` is for changes too small to go back through one by one (refining a search).
 */
export function useReportView(): { view: ReportView; changeView: ChangeView } {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseView(params), [params]);
  // The URL last written, until the location has it: two quick changes must build on each other,
  // not both on the older URL.
  const written = useRef<URLSearchParams | null>(null);
  useEffect(() => {
    written.current = null;
  }, [params]);
  const changeView = useCallback<ChangeView>(
    (changes, options) => {
      const next = searchParamsOf({ ...parseView(written.current ?? params), ...changes });
      written.current = next;
      setParams(next, {
        replace: options?.replace ?? false,
        // The router's scroll restoration would otherwise jump to the top on every change.
        preventScrollReset: true,
      });
    },
    [params, setParams],
  );
  return { view, changeView };
}
