import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';

/**
 * Drops a download whose client stopped reading. A download holds what its source holds (an
 * export's slot, a page of rows) for as long as it is open, and a client that never reads would
 * hold them for ever: once the socket's buffers are full, `stalledAfterMilliseconds` without them
 * draining destroys the response. A client reading at all, however slowly, drains them again.
 */
export function dropWhenStalled(
  source: Readable,
  response: ServerResponse,
  stalledAfterMilliseconds: number,
  onDrop: () => void,
): void {
  let timer: NodeJS.Timeout | undefined;
  const stop = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  // pipe() pauses the source when the response refuses a write, until the response drains.
  source.on('pause', () => {
    if (timer !== undefined || !response.writableNeedDrain) return;
    timer = setTimeout(() => {
      onDrop();
      response.destroy();
    }, stalledAfterMilliseconds);
  });
  response.on('drain', stop);
  response.once('close', stop);
}
