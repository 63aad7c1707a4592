import { useUrlView, type ChangeUrlView } from '../../../lib/use-url-view';
import { parseView, searchParamsOf, type ReportView } from '../lib/report-view';

export type ChangeView = ChangeUrlView<ReportView>;

/** The report's view in the URL and a way to change it (see useUrlView). */
export function useReportView(): { view: ReportView; changeView: ChangeView } {
  return useUrlView(parseView, searchParamsOf);
}
