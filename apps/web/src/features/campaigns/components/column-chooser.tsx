import type { ColumnVisibilityState } from '@tanstack/react-table';
import type { CampaignLevel } from '@whathead/contracts';
import { Button } from '../../../components/ui/button';
import { ColumnsIcon } from '../../../components/ui/icons';
import { Popover } from '../../../components/ui/popover';
import { columnInfo, hideableColumnsFor, type CampaignColumnId } from './campaign-columns';
import { performanceNote } from './metric-cell';
import { defaultColumnVisibility } from './use-column-visibility';

interface ColumnChooserProps {
  level: CampaignLevel;
  visibility: ColumnVisibilityState;
  onChange: (visibility: ColumnVisibilityState) => void;
}

/** Shows and hides the table's columns at once; the checkbox, the name and the TikTok link always stay. */
export function ColumnChooser({ level, visibility, onChange }: ColumnChooserProps) {
  const columns = hideableColumnsFor(level);
  const details = columns.filter((id) => !('performance' in columnInfo[id]));
  const performance = columns.filter((id) => 'performance' in columnInfo[id]);
  const choice = (id: CampaignColumnId) => (
    <label key={id} className="choice">
      <input
        type="checkbox"
        checked={visibility[id] !== false}
        onChange={(event) => onChange({ ...visibility, [id]: event.target.checked })}
      />
      <span>{columnInfo[id].label}</span>
    </label>
  );
  return (
    <Popover
      className="column-chooser"
      title="Columns to show"
      align="end"
      trigger={
        <>
          <ColumnsIcon />
          Columns
        </>
      }
    >
      {() => (
        <div className="column-chooser__panel">
          <fieldset className="column-chooser__group">
            <legend>Details</legend>
            {details.map(choice)}
          </fieldset>
          <fieldset className="column-chooser__group">
            <legend>Performance</legend>
            <p className="column-chooser__note">{performanceNote}</p>
            {performance.map(choice)}
          </fieldset>
          <Button variant="ghost" size="small" onClick={() => onChange(defaultColumnVisibility(level))}>
            Reset columns
          </Button>
        </div>
      )}
    </Popover>
  );
}
