import { useCallback } from 'react';
import { KindSelect, RatioSelect } from '../../../components/media-picker/media-filter-fields';
import { SearchField } from '../../../components/ui/search-field';
import { LayoutToggle } from './layout-toggle';
import { UploadedFilter } from './uploaded-filter';
import type { ChangeMediaView, MediaView } from './use-media-view';

interface MediaFiltersProps {
  view: MediaView;
  changeView: ChangeMediaView;
  /** Why the custom upload days are no range, or null. */
  problem: string | null;
  today: string;
}

/** The bar above the library: type, ratio, upload days, name search, and grid or list. */
export function MediaFilters({ view, changeView, problem, today }: MediaFiltersProps) {
  const searchIsEmpty = view.q === '';
  const search = useCallback(
    // Refining a search replaces its history entry; starting one is a step Back can undo.
    (q: string) => changeView({ q }, { replace: !searchIsEmpty }),
    [changeView, searchIsEmpty],
  );
  return (
    <div className="media-filters">
      <KindSelect kind={view.kind} onChange={(kind) => changeView({ kind })} />
      <RatioSelect ratio={view.ratio} onChange={(ratio) => changeView({ ratio })} />
      <UploadedFilter choice={view} problem={problem} today={today} onChange={changeView} />
      <SearchField value={view.q} label="Search by name" onSearch={search} searchOnBlur />
      <LayoutToggle layout={view.layout} onChange={(layout) => changeView({ layout }, { replace: true })} />
    </div>
  );
}
