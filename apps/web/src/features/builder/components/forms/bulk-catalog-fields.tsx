import type { AdIdentity } from '@whathead/contracts';
import { useId } from 'react';
import { fieldDescription, FieldMessages } from '../../../../components/ui/field-messages';
import { SelectField } from '../../../../components/ui/select-field';
import { useIdentities } from '../../api/catalog-identities';
import type { BulkDraft } from './bulk-change-input';
import { CatalogProblem, type CatalogAccount } from './catalog-problem';
import { identityTypeLabels } from './form-words';
import { LocationChips, locationOf, RegionSearch } from './location-setting';

/** The bulk changes that pick from a list TikTok keeps per ad account: locations and identities. */

interface BulkPartProps {
  draft: BulkDraft;
  onDraft: (draft: BulkDraft) => void;
  error: string | undefined;
  disabled: boolean;
  catalog: CatalogAccount;
}

const differentAccounts = (what: string) =>
  `TikTok keeps ${what} per ad account: choose items of one ad account, under a campaign, to change them together.`;

/** Locations to add to, or put in place of, each ad group's own. */
export function BulkLocations({ draft, onDraft, error, disabled, catalog }: BulkPartProps) {
  const controlId = useId();
  const description = fieldDescription({ controlId, error });
  return (
    <fieldset className="builder-form__group" disabled={disabled} aria-describedby={description}>
      <legend className="field__label">Locations</legend>
      <div className="builder-form__choices">
        {(['add', 'replace'] as const).map((how) => (
          <label key={how} className="choice">
            <input
              type="radio"
              name="bulkLocationsHow"
              checked={draft.locationsHow === how}
              onChange={() => onDraft({ ...draft, locationsHow: how })}
            />
            <span>
              {how === 'add' ? 'Add to each ad group’s locations' : 'Replace each ad group’s locations'}
            </span>
          </label>
        ))}
      </div>
      <LocationChips
        locations={draft.locations}
        onRemove={(id) => onDraft({ ...draft, locations: draft.locations.filter((each) => each.id !== id) })}
      />
      {catalog.advertiserId === null ? (
        <p className="field__hint">{differentAccounts('locations')}</p>
      ) : (
        <RegionSearch
          catalog={{ ...catalog, advertiserId: catalog.advertiserId }}
          chosen={draft.locations}
          onAdd={(region) => onDraft({ ...draft, locations: [...draft.locations, locationOf(region)] })}
        />
      )}
      <FieldMessages controlId={controlId} error={error} />
    </fieldset>
  );
}

/** One identity of the ads' ad account for every ad. */
export function BulkIdentity({ draft, onDraft, error, disabled, catalog }: BulkPartProps) {
  const identities = useIdentities(catalog.workspaceId, catalog.advertiserId);
  const list = identities.data?.identities ?? [];
  const valueOf = (identity: Pick<AdIdentity, 'type' | 'id'>) => `${identity.type}:${identity.id}`;
  if (catalog.advertiserId === null) return <p className="field__hint">{differentAccounts('identities')}</p>;
  return (
    <>
      <SelectField
        label="Identity"
        value={draft.identity ? valueOf(draft.identity) : ''}
        error={error}
        hint={identities.isPending ? 'Loading the ad account’s identities…' : undefined}
        disabled={disabled}
        onChange={(event) => {
          const picked = list.find((each) => valueOf(each) === event.target.value);
          onDraft({
            ...draft,
            identity: picked ? { type: picked.type, id: picked.id, displayName: picked.displayName } : null,
          });
        }}
      >
        <option value="">Choose an identity</option>
        {list.map((each) => (
          <option key={valueOf(each)} value={valueOf(each)}>
            {each.displayName} · {identityTypeLabels[each.type]}
          </option>
        ))}
      </SelectField>
      {identities.isError && (
        <CatalogProblem
          what="identities"
          error={identities.error}
          onRetry={() => void identities.refetch()}
        />
      )}
    </>
  );
}
