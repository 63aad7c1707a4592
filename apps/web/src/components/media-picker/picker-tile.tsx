import type { MediaItem } from '@whathead/contracts';
import { useId } from 'react';
import { formatSize, kindLabels, mediaName } from '../../lib/media-words';
import { MediaThumbnail } from './media-thumbnail';

interface PickerTileProps {
  item: MediaItem;
  /** The radio group's name. */
  group: string;
  isChosen: boolean;
  onChoose: () => void;
}

/**
 * One item to choose, as a radio: arrow keys move through the grid, as through any radio group.
 * An item TikTok still processes cannot go into an ad yet: it stays visible, unchoosable, and says why.
 */
export function PickerTile({ item, group, isChosen, onChoose }: PickerTileProps) {
  const reasonId = useId();
  const isUsable = item.displayable !== false;
  const facts = [kindLabels[item.kind], formatSize(item), item.ratio]
    .filter((fact) => fact !== null)
    .join(' · ');
  return (
    <li>
      <label className="picker-tile">
        <input
          type="radio"
          name={group}
          className="picker-tile__radio"
          checked={isChosen}
          disabled={!isUsable}
          aria-describedby={isUsable ? undefined : reasonId}
          onChange={onChoose}
        />
        <MediaThumbnail item={item} />
        <span className="picker-tile__name">{mediaName(item)}</span>
        <span className="picker-tile__facts">{facts}</span>
        {!isUsable && (
          <span id={reasonId} className="picker-tile__reason">
            TikTok is still processing it: it can go into an ad once that is done.
          </span>
        )}
      </label>
    </li>
  );
}
