import type { AdCreativeRef, AdSettings, MediaItem } from '@whathead/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { MediaIcon } from '../../../../components/ui/icons';
import { mediaLibraryQueryOptions } from '../../../../lib/media-library';
import type { CatalogAccount } from './catalog-problem';
import { callToActionLabels } from './form-words';

interface AdPreviewProps {
  settings: Pick<AdSettings, 'identity' | 'displayName' | 'adText' | 'callToAction'>;
  /** The library item of the creative, when known: its cover or image is the picture. */
  item: MediaItem | undefined;
  creative: AdCreativeRef | null;
}

/** The ad roughly as it shows in TikTok's feed: a 9:16 frame, the name, the text and the button. */
export function AdPreview({ settings, item, creative }: AdPreviewProps) {
  const name =
    settings.identity && settings.identity.type !== 'CUSTOMIZED_USER'
      ? settings.identity.displayName
      : settings.displayName.trim() || settings.identity?.displayName || 'Display name';
  const picture = item ? (item.kind === 'image' ? item.previewUrl : item.coverUrl) : null;
  return (
    <figure className="ad-preview" aria-label="Ad preview">
      <div className="ad-preview__frame">
        {picture ? (
          <img className="ad-preview__picture" src={picture} alt={creative?.fileName ?? ''} />
        ) : (
          <span className="ad-preview__placeholder">
            <MediaIcon size={32} />
            <span>{creative ? creative.fileName : 'No creative yet'}</span>
          </span>
        )}
        <figcaption className="ad-preview__overlay">
          <span className="ad-preview__name">@{name}</span>
          <span className="ad-preview__text">{settings.adText.trim() || 'Your ad text'}</span>
          {settings.callToAction && (
            <span className="ad-preview__button">{callToActionLabels[settings.callToAction]}</span>
          )}
        </figcaption>
      </div>
    </figure>
  );
}

/**
 * The library item behind a creative, for its picture: the one just picked, or else found by its
 * file name in the account's library (TikTok's picture links expire, so the draft keeps none).
 */
export function useCreativeItem(
  catalog: CatalogAccount,
  creative: AdCreativeRef | null,
  picked: MediaItem | null,
): MediaItem | undefined {
  const isPicked = picked !== null && creative !== null && picked.mediaId === creative.materialId;
  const library = useInfiniteQuery({
    ...mediaLibraryQueryOptions(catalog.workspaceId, {
      account: catalog.advertiserId ?? '',
      kind: creative?.kind,
      q: creative?.fileName.slice(0, 200),
    }),
    enabled: creative !== null && catalog.advertiserId !== null && !isPicked,
  });
  if (isPicked) return picked;
  if (!creative) return undefined;
  return library.data?.pages
    .flatMap((page) => page.items)
    .find((item) => item.mediaId === creative.materialId);
}
