import { mediaKinds, mediaRatios, type MediaKind, type MediaRatio } from '@whathead/contracts';
import type { MediaLibraryFilters } from '../../../lib/media-library';
import { useUrlView, type ChangeUrlView } from '../../../lib/use-url-view';
import { uploadedChoiceIn, uploadedDays, writeUploadedChoice, type UploadedChoice } from './uploaded-range';

export type MediaLayout = 'grid' | 'list';

/** What the Media page shows, as the URL holds it, so a view can be shared, reloaded and gone back to. */
export interface MediaView extends UploadedChoice {
  /** The ad account; null when the URL names none, which means the workspace's default account. */
  account: string | null;
  kind: MediaKind | null;
  ratio: MediaRatio | null;
  q: string;
  layout: MediaLayout;
}

const tiktokId = /^\d{1,20}$/;

/** Reads a view from the URL; anything unknown or malformed falls back to the default, never an error. */
export function parseMediaView(params: URLSearchParams): MediaView {
  const account = params.get('account');
  return {
    account: account !== null && tiktokId.test(account) ? account : null,
    kind: mediaKinds.find((kind) => kind === params.get('kind')) ?? null,
    ratio: mediaRatios.find((ratio) => ratio === params.get('ratio')) ?? null,
    q: (params.get('q') ?? '').slice(0, 200),
    ...uploadedChoiceIn(params),
    layout: params.get('layout') === 'list' ? 'list' : 'grid',
  };
}

/** The URL of a view, naming only what differs from the default. */
export function writeMediaView(view: MediaView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.account !== null) params.set('account', view.account);
  if (view.kind !== null) params.set('kind', view.kind);
  if (view.ratio !== null) params.set('ratio', view.ratio);
  if (view.q !== '') params.set('q', view.q);
  writeUploadedChoice(params, view);
  if (view.layout !== 'grid') params.set('layout', view.layout);
  return params;
}

/** Whether the view narrows the library at all: an empty result then says so and offers to clear. */
export function isFiltered(view: MediaView): boolean {
  return view.kind !== null || view.ratio !== null || view.q.trim() !== '' || view.uploaded !== 'any';
}

/** What to ask the server for, or the problem that keeps the view from being asked. */
export function libraryFiltersOf(
  view: MediaView,
  advertiserId: string,
  today: string,
): { filters: MediaLibraryFilters; problem: null } | { filters: null; problem: string } {
  const days = uploadedDays(view, today);
  if (days.problem !== null) return { filters: null, problem: days.problem };
  const search = view.q.trim();
  return {
    filters: {
      account: advertiserId,
      kind: view.kind ?? undefined,
      ratio: view.ratio ?? undefined,
      q: search === '' ? undefined : search,
      from: 'from' in days ? days.from : undefined,
      to: 'to' in days ? days.to : undefined,
    },
    problem: null,
  };
}

export type ChangeMediaView = ChangeUrlView<MediaView>;

export function useMediaView(): { view: MediaView; changeView: ChangeMediaView } {
  return useUrlView(parseMediaView, writeMediaView);
}
