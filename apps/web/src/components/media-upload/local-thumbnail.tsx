import { useCallback } from 'react';
import { MediaIcon } from '../ui/icons';

/**
 * A chosen image as the browser has it, before any upload. The object URL lives as long as the
 * <img>: made as it mounts, revoked as it goes, so a batch of 30 photos does not keep 30 copies
 * in memory. A video gets an icon: decoding a frame of each would be slow for little.
 */
export function LocalThumbnail({ file }: { file: File }) {
  const attach = useCallback(
    (image: HTMLImageElement | null) => {
      if (!image) return;
      const url = URL.createObjectURL(file);
      image.src = url;
      return () => URL.revokeObjectURL(url);
    },
    [file],
  );
  return (
    <span className="local-thumbnail" aria-hidden="true">
      {file.type.startsWith('image/') ? <img ref={attach} alt="" /> : <MediaIcon size={22} />}
    </span>
  );
}
