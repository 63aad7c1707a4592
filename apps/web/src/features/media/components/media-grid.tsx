import type { MediaItem } from '@whathead/contracts';
import { MediaThumbnail } from '../../../components/media-picker/media-thumbnail';
import { formatSize, kindLabels, mediaName } from '../../../lib/media-words';

interface MediaGridProps {
  items: readonly MediaItem[];
  onOpen: (item: MediaItem) => void;
}

/** The library as thumbnails; each opens its preview. */
export function MediaGrid({ items, onOpen }: MediaGridProps) {
  return (
    <ul className="media-grid" aria-label="Images and videos">
      {items.map((item) => (
        <li key={item.mediaId}>
          <button type="button" className="media-tile" onClick={() => onOpen(item)}>
            <MediaThumbnail item={item} />
            <span className="media-tile__name">{mediaName(item)}</span>
            <span className="media-tile__facts">
              {[kindLabels[item.kind], formatSize(item), item.ratio]
                .filter((fact) => fact !== null)
                .join(' · ')}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
