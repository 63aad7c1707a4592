import { useMutation } from '@tanstack/react-query';
import type { DraftDocument, DraftNode } from '@whathead/contracts';
import { useId, useMemo, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { FormAlert } from '../../../components/ui/form-alert';
import { SearchField } from '../../../components/ui/search-field';
import { SelectField } from '../../../components/ui/select-field';
import { Spinner } from '../../../components/ui/spinner';
import { messageForError } from '../../../lib/error-messages';
import { existingCampaignsShown, useExistingCampaigns } from '../api/get-existing-campaigns';
import { getExistingNodes } from '../api/get-existing-nodes';
import type { BuilderAccount } from '../model/builder-accounts';
import { campaignIdsInDraft } from '../model/existing-nodes';
import { countOfLevel } from '../model/level-words';

interface SelectExistingDialogProps {
  workspaceId: string;
  accounts: BuilderAccount[];
  defaultAdvertiserId: string | null;
  document: DraftDocument;
  onInsert(nodes: DraftNode[]): void;
  onClose(): void;
}

/**
 * Brings campaigns TikTok has into the draft, to change them or build on them: an ad account,
 * then its campaigns (searchable), with or without their ad groups and ads. Campaigns already in
 * the draft can't be chosen again.
 */
export function SelectExistingDialog({
  workspaceId,
  accounts,
  defaultAdvertiserId,
  document,
  onInsert,
  onClose,
}: SelectExistingDialogProps) {
  const [advertiserId, setAdvertiserId] = useState(defaultAdvertiserId ?? accounts[0]?.advertiserId ?? '');
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [withChildren, setWithChildren] = useState(true);
  const listId = useId();
  const campaigns = useExistingCampaigns(workspaceId, advertiserId, search);
  const inDraft = useMemo(() => campaignIdsInDraft(document, advertiserId), [document, advertiserId]);
  const load = useMutation({
    mutationFn: () =>
      getExistingNodes(workspaceId, {
        advertiserId,
        campaigns: [...chosen].join(','),
        children: withChildren ? 'true' : 'false',
      }),
    onSuccess: onInsert,
  });

  const toggle = (id: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else if (next.size < existingCampaignsShown) next.add(id);
      return next;
    });

  return (
    <Dialog
      title="Select existing campaigns"
      description="Bring campaigns from TikTok into this draft to change them or build on them. Nothing changes in TikTok until you publish."
      onClose={onClose}
    >
      <div className="stack select-existing">
        <SelectField
          label="Ad account"
          value={advertiserId}
          onChange={(event) => {
            setAdvertiserId(event.target.value);
            setChosen(new Set());
          }}
        >
          {accounts.map((account) => (
            <option key={account.advertiserId} value={account.advertiserId}>
              {account.name}
            </option>
          ))}
        </SelectField>
        <SearchField value={search} label="Search campaigns by name or id" onSearch={setSearch} />
        <fieldset className="select-existing__list" aria-describedby={listId}>
          <legend className="visually-hidden">Campaigns</legend>
          {campaigns.isPending ? (
            <p className="loading-line" role="status">
              <Spinner /> Loading campaigns…
            </p>
          ) : campaigns.isError ? (
            <FormAlert>{messageForError(campaigns.error)}</FormAlert>
          ) : campaigns.data.campaigns.length === 0 ? (
            <p className="select-existing__empty">
              {search ? 'No campaign matches this search.' : 'This ad account has no campaigns yet.'}
            </p>
          ) : (
            campaigns.data.campaigns.map((campaign) => {
              const already = inDraft.has(campaign.id);
              return (
                <label key={campaign.id} className="select-existing__campaign">
                  <input
                    type="checkbox"
                    checked={already || chosen.has(campaign.id)}
                    disabled={already}
                    onChange={() => toggle(campaign.id)}
                  />
                  <span>
                    <span className="select-existing__name">{campaign.name}</span>
                    <span className="select-existing__meta">
                      {already ? 'Already in the draft' : campaign.delivery.label} · {campaign.id}
                    </span>
                  </span>
                </label>
              );
            })
          )}
        </fieldset>
        <p id={listId} className="select-existing__note">
          {campaigns.data?.more
            ? `The ${existingCampaignsShown} most recently changed are listed; search to find others.`
            : ''}
        </p>
        <label className="select-existing__children">
          <input
            type="checkbox"
            checked={withChildren}
            onChange={(event) => setWithChildren(event.target.checked)}
          />
          With their ad groups and ads
        </label>
        <FormAlert>{load.isError ? messageForError(load.error) : null}</FormAlert>
        <div className="button-row button-row--end">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button
            isLoading={load.isPending}
            aria-disabled={chosen.size === 0 || undefined}
            onClick={() => load.mutate()}
          >
            {chosen.size === 0 ? 'Add campaigns' : `Add ${countOfLevel(chosen.size, 'campaign')}`}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
