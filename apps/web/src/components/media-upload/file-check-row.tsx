import { Button } from '../ui/button';
import { AlertIcon, CloseIcon } from '../ui/icons';
import { checkFacts, formatBytes } from '../../lib/media-words';
import { LocalThumbnail } from './local-thumbnail';
import type { FileEntry } from './use-file-checks';

interface FileCheckRowProps {
  entry: FileEntry;
  /** The name of an earlier file with the same bytes, when this one repeats it. */
  repeats: string | undefined;
  onRemove: () => void;
  onRetry: () => void;
}

/** One chosen file: its name and thumbnail, and where its check stands or what it found. */
export function FileCheckRow({ entry, repeats, onRemove, onRetry }: FileCheckRowProps) {
  const { file, state } = entry;
  return (
    <li className="file-check">
      <LocalThumbnail file={file} />
      <div className="file-check__text">
        <span className="file-check__name">{file.name}</span>
        <CheckOutcome entry={entry} repeats={repeats} onRetry={onRetry} />
      </div>
      {
        <button
          type="button"
          className="icon-button"
          aria-label={`Remove ${file.name}`}
          title="Remove"
          onClick={onRemove}
        >
          <CloseIcon size={16} />
        </button>
      }
      {state.step === 'sending' && (
        <progress
          className="file-check__progress"
          value={Math.round(state.fraction * file.size)}
          max={file.size}
          aria-label={`Sent of ${file.name}`}
        />
      )}
    </li>
  );
}

function CheckOutcome({ entry, repeats, onRetry }: Omit<FileCheckRowProps, 'onRemove'>) {
  const { file, state } = entry;
  switch (state.step) {
    case 'waiting':
      return <p className="file-check__facts">Waiting to be checked</p>;
    case 'sending':
      return (
        <p className="file-check__facts">
          Checking: {formatBytes(state.fraction * file.size)} of {formatBytes(file.size)} sent
        </p>
      );
    case 'refused':
      return <Problems problems={[state.problem]} />;
    case 'failed':
      return (
        <div className="file-check__failed">
          <Problems problems={[`Couldn’t check this file: ${state.message}`]} />
          <Button variant="secondary" size="small" onClick={onRetry}>
            Check again
          </Button>
        </div>
      );
    case 'checked':
      if (!state.check.accepted) return <Problems problems={refusals(state.check.problems)} />;
      return (
        <p className="file-check__facts">
          {checkFacts(state.check)}
          {repeats !== undefined && <> · The same file as {repeats}: uploaded once</>}
        </p>
      );
  }
}

/** The server's reasons; it always gives one, but a refusal without words must still say something. */
function refusals(problems: readonly { message: string }[]): string[] {
  return problems.length > 0
    ? problems.map((problem) => problem.message)
    : ['TikTok would refuse this file.'];
}

function Problems({ problems }: { problems: readonly string[] }) {
  return (
    <ul className="file-check__problems">
      {problems.map((problem) => (
        <li key={problem} className="field__error">
          <AlertIcon />
          <span>{problem}</span>
        </li>
      ))}
    </ul>
  );
}
