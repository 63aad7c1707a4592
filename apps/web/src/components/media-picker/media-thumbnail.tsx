import type { MediaItem } from '@whathead/contracts';
import { formatDuration } from '../../lib/media-words';
import { MediaIcon } from '../ui/icons';
import './media-thumbnail.css';

/**
 * An item of a TikTok library as a tile's picture: the image itself, or a video's cover, with the
 * video's length and a Processing badge while TikTok cannot put it in an ad yet. Shared by the
 * Media page's grid and the picker.
 */
export function MediaThumbnail({ item }: { item: MediaItem }) {
  const source = item.kind === 'image' ? item.previewUrl : item.coverUrl;
  return (
    <span className="media-thumbnail">
      {source ? (
        // TikTok's links expire (a refresh renews them); a missing picture must not leave the tile empty.
        <img className="media-thumbnail__picture" src={source} alt="" loading="lazy" />
      ) : (
        <span className="media-thumbnail__placeholder" aria-hidden="true">
          <MediaIcon size={28} />
        </span>
      )}
      {item.kind === 'video' && (
        <span className="media-thumbnail__duration">
          <span className="visually-hidden">Video, </span>
          {item.durationSeconds === null ? 'Video' : formatDuration(item.durationSeconds)}
        </span>
      )}
      {item.displayable === false && <span className="media-thumbnail__processing">Processing</span>}
    </span>
  );
}
