import { Link } from 'react-router';
import type { Crumb } from '../lib/drill-down';
import type { ReportView } from '../lib/report-view';
import { searchParamsOf } from '../lib/report-view';

/** The way back up from a drill-down; each crumb a link, so it opens in a new tab too. */
export function BreakdownBreadcrumbs({ crumbs, view }: { crumbs: readonly Crumb[]; view: ReportView }) {
  if (crumbs.length === 0) return null;
  return (
    <nav aria-label="Breadcrumb" className="report-breadcrumbs">
      <ol>
        {crumbs.map((crumb, index) => (
          <li key={index}>
            {crumb.target ? (
              <Link to={{ search: `?${searchParamsOf({ ...view, ...crumb.target })}` }} preventScrollReset>
                {crumb.label}
              </Link>
            ) : (
              <span aria-current="page">{crumb.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
