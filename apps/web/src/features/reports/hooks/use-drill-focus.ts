import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { ReportView } from '../lib/report-view';

type Place = Pick<ReportView, 'level' | 'campaign' | 'adgroup'>;

const keyOf = (place: Place) => `${place.level}:${place.campaign ?? ''}:${place.adgroup ?? ''}`;

export interface DrillFocus {
  /** Says, as a drill-down link or button is pressed, which view it leads to. */
  willGo: (target: Partial<ReportView>) => void;
  /** The breakdown's current crumb (the campaign or ad group shown), where focus goes when there is one. */
  crumbRef: RefObject<HTMLElement | null>;
  /** The breakdown's heading, where focus goes back at the top. */
  headingRef: RefObject<HTMLHeadingElement | null>;
}

/**
 * Drilling into a campaign, climbing back by a breadcrumb, or showing the whole account again
 * removes the link or button that was pressed, and focus would fall to the page's start: it goes
 * to where the breakdown now is instead, so keyboard and screen-reader users keep their place and
 * hear which rows they are in. Only after such a press, once its view is shown: not when the page
 * opens, and not on a tab, a sort or Back, where focus is still on something that is there.
 */
export function useDrillFocus(view: ReportView): DrillFocus {
  const crumbRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The place a press leads to, until the view changes. A press that leads nowhere here (a link
  // opened in a new tab) is forgotten at the next change rather than moving focus then.
  const expected = useRef<string | null>(null);
  const place = keyOf(view);

  useEffect(() => {
    const target = expected.current;
    expected.current = null;
    if (target === place) (crumbRef.current ?? headingRef.current)?.focus();
  }, [place]);

  const willGo = useCallback(
    (target: Partial<ReportView>) => {
      expected.current = keyOf({ ...view, ...target });
    },
    [view],
  );
  return { willGo, crumbRef, headingRef };
}
