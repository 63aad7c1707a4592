import { editCampaignEntityInputSchema, type CampaignRow } from '@whathead/contracts';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/text-field';
import { levelNouns } from './campaign-words';

interface RenameDialogProps {
  row: CampaignRow;
  onRename: (name: string) => void;
  onClose: () => void;
}

/**
 * Rename a campaign or ad group. TikTok's name rules (the contract's) are checked here, so a name
 * TikTok would refuse is never sent; the new name then shows in the row while TikTok saves it.
 */
export function RenameDialog({ row, onRename, onClose }: RenameDialogProps) {
  const [name, setName] = useState(row.name);
  const [error, setError] = useState<string | undefined>();
  const noun = levelNouns[row.level].one;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = editCampaignEntityInputSchema.safeParse({ name });
    const renamed = parsed.data?.name;
    if (renamed === undefined) {
      setError(parsed.error?.issues.find((issue) => issue.path[0] === 'name')?.message ?? 'Enter a name.');
      return;
    }
    if (renamed !== row.name) onRename(renamed);
    onClose();
  };

  return (
    <Dialog
      title={`Rename ${noun}`}
      description={`${row.name} is renamed at TikTok too, as if you did it in TikTok Ads Manager.`}
      onClose={onClose}
    >
      <form className="form" noValidate onSubmit={submit}>
        <TextField
          label="Name"
          name="name"
          autoComplete="off"
          required
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            setError(undefined);
          }}
          hint="Up to 512 characters, without emoji."
          error={error}
        />
        <div className="form__actions">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit">Save name</Button>
        </div>
      </form>
    </Dialog>
  );
}
