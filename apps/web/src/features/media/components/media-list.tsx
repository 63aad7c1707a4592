import type { MediaItem } from '@whathead/contracts';
import { Badge } from '../../../components/ui/badge';
import { mediaName } from '../../../lib/media-words';
import { mediaFacts } from './media-facts';

interface MediaListProps {
  items: readonly MediaItem[];
  onOpen: (item: MediaItem) => void;
}

/** The library as a table of facts; a name opens the item's preview. */
export function MediaList({ items, onOpen }: MediaListProps) {
  return (
    <div className="media-list">
      <table className="table table--stacking">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Dimensions</th>
            <th scope="col">Ratio</th>
            <th scope="col">Size</th>
            <th scope="col">Duration</th>
            <th scope="col">Uploaded</th>
            <th scope="col">TikTok ID</th>
            <th scope="col">Used by</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const facts = mediaFacts(item);
            return (
              <tr key={item.mediaId}>
                <td data-label="Name" className="media-list__name">
                  <button type="button" className="link-button" onClick={() => onOpen(item)}>
                    {mediaName(item)}
                  </button>
                  {item.displayable === false && <Badge tone="warning">Processing</Badge>}
                </td>
                <td data-label="Type">{facts.type}</td>
                <td data-label="Dimensions">{facts.size}</td>
                <td data-label="Ratio">{facts.ratio}</td>
                <td data-label="Size" className="media-list__number">
                  {facts.bytes}
                </td>
                <td data-label="Duration" className="media-list__number">
                  {facts.duration}
                </td>
                <td data-label="Uploaded">
                  {item.createdAt ? (
                    <time dateTime={item.createdAt} title={facts.uploadedExactly}>
                      {facts.uploaded}
                    </time>
                  ) : (
                    facts.uploaded
                  )}
                </td>
                <td data-label="TikTok ID">
                  <code className="media-list__id">{item.mediaId}</code>
                </td>
                <td data-label="Used by" className="media-list__number">
                  {facts.usedBy}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
