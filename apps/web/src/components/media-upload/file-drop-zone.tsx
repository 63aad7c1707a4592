import { useId, useState, type DragEvent } from 'react';
import { classNames } from '../../lib/class-names';
import { MediaIcon } from '../ui/icons';

/**
 * TikTok's formats, to narrow the browser's file dialog. Only a hint: the person may still choose
 * any file, and the server judges the format by content, whatever the name or type says.
 */
const acceptedTypes = [
  'image/jpeg',
  'image/png',
  'video/mp4',
  'video/quicktime',
  'video/mpeg',
  'video/x-msvideo',
  '.jpg',
  '.jpeg',
  '.png',
  '.mp4',
  '.mov',
  '.mpeg',
  '.mpg',
  '.avi',
].join(',');

/**
 * Where files are dropped or chosen. The file input itself is the control (visually hidden, still
 * focusable), so the keyboard and screen readers get the browser's own file picker.
 */
export function FileDropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const inputId = useId();
  const hintId = useId();
  const [isOver, setIsOver] = useState(false);
  const take = (event: DragEvent) => {
    event.preventDefault();
    setIsOver(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length > 0) onFiles(files);
  };
  return (
    <div
      className={classNames('file-drop-zone', isOver && 'file-drop-zone--over')}
      onDragOver={(event) => {
        // Without this the browser opens the dropped file instead of handing it to the page.
        event.preventDefault();
        setIsOver(true);
      }}
      onDragLeave={() => setIsOver(false)}
      onDrop={take}
    >
      <MediaIcon size={28} />
      <label htmlFor={inputId} className="file-drop-zone__label">
        Drop images and videos here, or <span className="file-drop-zone__choose">choose files</span>
      </label>
      <p id={hintId} className="file-drop-zone__hint">
        JPG or PNG images up to 10 MB; MP4, MOV, MPEG or AVI videos up to 500 MB in 9:16, 1:1 or 16:9.
      </p>
      <input
        id={inputId}
        type="file"
        multiple
        accept={acceptedTypes}
        className="visually-hidden"
        aria-describedby={hintId}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          // Cleared, so choosing the same file again (after removing it) is a change too.
          event.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </div>
  );
}
