import {
  createIdentityInputSchema,
  type AdIdentity,
  type AdSettings,
  type Identity,
} from '@whathead/contracts';
import { useId, useState } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { Button } from '../../../../components/ui/button';
import { FormAlert } from '../../../../components/ui/form-alert';
import { TextField } from '../../../../components/ui/text-field';
import { messageForError } from '../../../../lib/error-messages';
import { validateInput } from '../../../../lib/form-errors';
import { useCreateIdentity } from '../../api/catalog-create-identity';
import { useIdentities } from '../../api/catalog-identities';
import { CatalogProblem, type CatalogAccount } from './catalog-problem';
import { identityTypeLabels } from './form-words';
import { SettingShell } from './setting-field';
import { useSettingState } from './setting-state';

const identityValue = (identity: Pick<AdIdentity, 'type' | 'id'>) => `${identity.type}:${identity.id}`;
const toAdIdentity = ({ type, id, displayName }: Identity): AdIdentity => ({ type, id, displayName });

/**
 * Who the ad is shown as: one of the account's identities, or a custom identity created here
 * with the name people see. A custom identity's name also fills an empty display name.
 */
export function IdentitySetting({ catalog }: { catalog: CatalogAccount }) {
  const { field } = useController<AdSettings>({ name: 'identity' });
  const { getValues, setValue } = useFormContext<AdSettings>();
  const identity = field.value as AdIdentity | null;
  const identities = useIdentities(catalog.workspaceId, catalog.advertiserId);
  const list = identities.data?.identities ?? [];
  const [isCreating, setIsCreating] = useState(false);
  const choose = (chosen: AdIdentity) => {
    field.onChange(chosen);
    if (chosen.type === 'CUSTOMIZED_USER' && getValues('displayName').trim() === '') {
      setValue('displayName', chosen.displayName.slice(0, 40), { shouldValidate: true, shouldDirty: true });
    }
  };
  const listed = identity !== null && list.some((each) => identityValue(each) === identityValue(identity));
  const hint =
    catalog.advertiserId === null
      ? 'Connect this ad to an ad group under a campaign to choose from its ad account’s identities.'
      : identities.isPending
        ? 'Loading the ad account’s identities…'
        : undefined;
  return (
    <div className="builder-form__identity">
      <SettingShell name="identity" label="Identity" hint={hint}>
        {(control) => (
          <span className="select">
            <select
              {...control}
              name={field.name}
              ref={field.ref}
              className="field__control select__control"
              value={identity ? identityValue(identity) : ''}
              onChange={(event) => {
                const picked = list.find((each) => identityValue(each) === event.target.value);
                if (picked) choose(toAdIdentity(picked));
              }}
              onBlur={field.onBlur}
            >
              {identity === null && <option value="">Choose an identity</option>}
              {identity !== null && !listed && (
                <option value={identityValue(identity)}>{identity.displayName}</option>
              )}
              {list.map((each) => (
                <option key={identityValue(each)} value={identityValue(each)}>
                  {each.displayName} · {identityTypeLabels[each.type]}
                </option>
              ))}
            </select>
          </span>
        )}
      </SettingShell>
      {identities.isError && (
        <CatalogProblem
          what="identities"
          error={identities.error}
          onRetry={() => void identities.refetch()}
        />
      )}
      {catalog.advertiserId !== null && (
        <CreateIdentity
          catalog={{ ...catalog, advertiserId: catalog.advertiserId }}
          isOpen={isCreating}
          onOpen={setIsCreating}
          onCreated={(created) => {
            choose(toAdIdentity(created));
            setIsCreating(false);
          }}
        />
      )}
    </div>
  );
}

interface CreateIdentityProps {
  catalog: CatalogAccount & { advertiserId: string };
  isOpen: boolean;
  onOpen: (isOpen: boolean) => void;
  onCreated: (identity: Identity) => void;
}

/** "Create custom identity": a display name, sent to TikTok; the new identity is chosen at once. */
function CreateIdentity({ catalog, isOpen, onOpen, onCreated }: CreateIdentityProps) {
  const headingId = useId();
  const { disabled } = useSettingState('identity');
  const creation = useCreateIdentity(catalog.workspaceId, catalog.advertiserId);
  const [displayName, setDisplayName] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  if (!isOpen) {
    return (
      <div>
        <Button variant="secondary" size="small" disabled={disabled} onClick={() => onOpen(true)}>
          Create custom identity
        </Button>
      </div>
    );
  }
  const create = () => {
    const checked = validateInput(createIdentityInputSchema, { displayName });
    if (!checked.success) {
      setProblem(checked.fieldErrors.displayName);
      return;
    }
    setProblem(undefined);
    creation.mutate(checked.data.displayName, { onSuccess: onCreated });
  };
  return (
    <div className="builder-form__subform" role="group" aria-labelledby={headingId}>
      <p id={headingId} className="field__label">
        Create custom identity
      </p>
      <TextField
        label="Identity name"
        name="identityDisplayName"
        hint="The name people see on the ad, up to 40 characters."
        maxLength={40}
        value={displayName}
        error={problem}
        onChange={(event) => setDisplayName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            create();
          }
        }}
      />
      {creation.isError && <FormAlert>{messageForError(creation.error)}</FormAlert>}
      <div className="button-row">
        <Button size="small" isLoading={creation.isPending} onClick={create}>
          Create
        </Button>
        <Button variant="secondary" size="small" onClick={() => onOpen(false)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
