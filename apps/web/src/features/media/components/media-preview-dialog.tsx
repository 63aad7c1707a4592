import type { MediaItem } from '@whathead/contracts';
import { useState } from 'react';
import { Dialog } from '../../../components/ui/dialog';
import { CopyIcon } from '../../../components/ui/icons';
import { StatusMessage } from '../../../components/ui/status-message';
import { copyText } from '../../../lib/copy-text';
import { mediaName } from '../../../lib/media-words';
import { mediaFacts } from './media-facts';
import './media-preview-dialog.css';

interface MediaPreviewDialogProps {
  item: MediaItem;
  onClose: () => void;
}

/** One item large: the image, or the video playing from TikTok's preview link, and its facts. */
export function MediaPreviewDialog({ item, onClose }: MediaPreviewDialogProps) {
  const name = mediaName(item);
  const facts = mediaFacts(item);
  const [copied, setCopied] = useState('');
  const details: [string, string][] = [
    ['Type', facts.type],
    ['Dimensions', facts.size],
    ['Ratio', facts.ratio],
    ['Size', facts.bytes],
    ...(item.kind === 'video' ? [['Duration', facts.duration] as [string, string]] : []),
    ['Format', facts.format],
    ['Uploaded', facts.uploadedExactly ?? facts.uploaded],
    ['Used by', facts.usedBy],
  ];
  return (
    <Dialog title={name} onClose={onClose}>
      <div className="media-preview">
        <Picture item={item} name={name} />
        {item.displayable === false && (
          <p className="notice notice--warning">
            TikTok is still processing this video: it can go into an ad once that is done.
          </p>
        )}
        <dl className="details media-preview__facts">
          {details.map(([term, value]) => (
            <div key={term} className="details__item">
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
          <div className="details__item">
            <dt>TikTok ID</dt>
            <dd>
              <code>{item.mediaId}</code>
              <button
                type="button"
                className="icon-button"
                aria-label="Copy the TikTok ID"
                title="Copy the TikTok ID"
                onClick={() =>
                  void copyText(item.mediaId).then((isCopied) =>
                    setCopied(
                      isCopied
                        ? `TikTok ID ${item.mediaId} copied.`
                        : 'Couldn’t copy automatically. Select the ID and copy it.',
                    ),
                  )
                }
              >
                <CopyIcon size={16} />
              </button>
            </dd>
          </div>
        </dl>
        <StatusMessage tone="neutral">{copied}</StatusMessage>
      </div>
    </Dialog>
  );
}

function Picture({ item, name }: { item: MediaItem; name: string }) {
  // TikTok's preview links expire (and a seeded or still-encoding video may have none to play): a
  // link that fails shows the cover and says what renews it, rather than a black box at 0:00.
  const [hasFailed, setHasFailed] = useState(false);
  if (item.previewUrl === null || (hasFailed && item.kind === 'image')) {
    return <p className="media-preview__missing">{expiredWords}</p>;
  }
  if (item.kind === 'image')
    return (
      <img
        className="media-preview__picture"
        src={item.previewUrl}
        alt={name}
        onError={() => setHasFailed(true)}
      />
    );
  if (hasFailed) {
    return (
      <div className="media-preview__fallback">
        {item.coverUrl && (
          <img className="media-preview__picture" src={item.coverUrl} alt={`${name}, cover`} />
        )}
        <p className="media-preview__missing">The video doesn’t play here. {expiredWords}</p>
      </div>
    );
  }
  return (
    <video
      className="media-preview__picture"
      controls
      preload="metadata"
      src={item.previewUrl}
      poster={item.coverUrl ?? undefined}
      aria-label={name}
      onError={() => setHasFailed(true)}
    />
  );
}

const expiredWords = 'TikTok’s preview link may have expired: Refresh the library to get a new one.';
