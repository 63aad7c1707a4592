import type { ReportBreakdownRow } from '@whathead/contracts';
import { useState } from 'react';
import { drillNamesOf, namesIn, type DrillNames, type KnownNames } from '../lib/drill-down';
import type { ReportView } from '../lib/report-view';

/**
 * The drilled-into campaign and ad group by name: from the rows shown, or those seen before on
 * the page, so the name stays while a search finds nothing or the next rows load.
 */
export function useDrillNames(
  view: Pick<ReportView, 'campaign' | 'adgroup'>,
  rows: readonly ReportBreakdownRow[] | undefined,
): DrillNames {
  const [known, setKnown] = useState<KnownNames>(() => namesIn(rows ?? []));
  const [seenRows, setSeenRows] = useState(rows);
  let names = known;
  if (rows !== seenRows) {
    names = new Map([...known, ...namesIn(rows ?? [])]);
    setSeenRows(rows);
    setKnown(names);
  }
  return drillNamesOf(view, names);
}
