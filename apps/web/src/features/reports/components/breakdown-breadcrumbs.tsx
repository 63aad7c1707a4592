import type { RefObject } from 'react';
import { Link } from 'react-router';
import type { Crumb } from '../lib/drill-down';
import type { ReportView } from '../lib/report-view';
import { searchParamsOf } from '../lib/report-view';

interface BreakdownBreadcrumbsProps {
  crumbs: readonly Crumb[];
  view: ReportView;
  /** Called as a crumb is followed, with the view it leads to. */
  onFollow: (target: Partial<ReportView>) => void;
  /** The crumb of the view shown, focused after a drill-down (use-drill-focus.ts). */
  currentRef: RefObject<HTMLElement | null>;
}

/** The way back up from a drill-down; each crumb a link, so it opens in a new tab too. */
export function BreakdownBreadcrumbs({ crumbs, view, onFollow, currentRef }: BreakdownBreadcrumbsProps) {
  if (crumbs.length === 0) return null;
  return (
    <nav aria-label="Breadcrumb" className="report-breadcrumbs">
      <ol>
        {crumbs.map((crumb, index) => {
          const target = crumb.target;
          return (
            <li key={index}>
              {target ? (
                <Link
                  to={{ search: `?${searchParamsOf({ ...view, ...target })}` }}
                  preventScrollReset
                  onClick={() => onFollow(target)}
                >
                  {crumb.label}
                </Link>
              ) : (
                <span ref={currentRef} aria-current="page" tabIndex={-1}>
                  {crumb.label}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
