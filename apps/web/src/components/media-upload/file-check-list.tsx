import { FileCheckRow } from './file-check-row';
import type { UploadPlan } from './upload-plan';
import type { FileEntry } from './use-file-checks';
import './file-checks.css';

interface FileCheckListProps {
  entries: readonly FileEntry[];
  plan: UploadPlan;
  onRemove: (id: string) => void;
  onRetry: (entry: FileEntry) => void;
}

/** The chosen files, each with its check: the accepted ones with their facts, the others with their reasons. */
export function FileCheckList({ entries, plan, onRemove, onRetry }: FileCheckListProps) {
  if (entries.length === 0) return null;
  return (
    <ul className="file-checks" aria-label="Chosen files">
      {entries.map((entry) => (
        <FileCheckRow
          key={entry.id}
          entry={entry}
          repeats={plan.repeated.get(entry.id)}
          onRemove={() => onRemove(entry.id)}
          onRetry={() => onRetry(entry)}
        />
      ))}
    </ul>
  );
}
