import type { AdGroupSettings, Audience } from '@whathead/contracts';
import { useController, useWatch } from 'react-hook-form';
import { Spinner } from '../../../../components/ui/spinner';
import { formatCount } from '../../../../lib/format-number';
import { useAudiences } from '../../api/catalog-audiences';
import { toggledInOrder } from './choice-settings';
import { CatalogNotGranted, CatalogProblem, type CatalogAccount } from './catalog-problem';
import { SettingGroup } from './setting-field';

type ListName = 'audienceIds' | 'excludedAudienceIds';

/** An audience as a row of the lists; one chosen that the account's list lacks has only its id. */
interface AudienceRow {
  id: string;
  name: string;
  detail: string;
  ready: boolean;
}

/**
 * The ad group's custom audiences, from the account's list: the people it reaches (Include) and
 * those it leaves out (Exclude). An audience sits in one list at most, as TikTok requires. What is
 * already chosen stays shown, and can be removed, whatever TikTok's list says.
 */
export function AudienceSettings({ catalog }: { catalog: CatalogAccount }) {
  const audiences = useAudiences(catalog.workspaceId, catalog.advertiserId);
  const [included, excluded] = useWatch<AdGroupSettings>({
    name: ['audienceIds', 'excludedAudienceIds'],
  }) as [string[] | undefined, string[] | undefined];
  const chosen = [...(included ?? []), ...(excluded ?? [])];
  const listed = audiences.data?.granted ? audiences.data.audiences : undefined;
  const rows = [
    ...(listed ?? []).map(rowOf),
    ...chosen
      .filter((id, index) => chosen.indexOf(id) === index && !listed?.some((audience) => audience.id === id))
      .map((id) => unlistedRow(id, listed !== undefined)),
  ];

  return (
    <>
      <AudienceState catalog={catalog} audiences={audiences} />
      {rows.length > 0 && (
        <>
          <AudienceChecks
            name="audienceIds"
            legend="Include audiences"
            hint="None ticked: no audience narrows who sees the ads."
            rows={rows}
            taken={excluded ?? []}
            takenWords="Excluded below"
          />
          <AudienceChecks
            name="excludedAudienceIds"
            legend="Exclude audiences"
            hint="People in these audiences don’t see the ads."
            rows={rows}
            taken={included ?? []}
            takenWords="Included above"
          />
        </>
      )}
    </>
  );
}

/** Why there is no list to choose from, if there is none: loading, failed, not granted, empty. */
function AudienceState({
  catalog,
  audiences,
}: {
  catalog: CatalogAccount;
  audiences: ReturnType<typeof useAudiences>;
}) {
  if (catalog.advertiserId === null)
    return (
      <p className="field__hint">Connect this ad group to a campaign to choose its ad account’s audiences.</p>
    );
  if (audiences.isPending)
    return (
      <p className="loading-line" role="status">
        <Spinner /> Loading the ad account’s audiences…
      </p>
    );
  if (audiences.isError)
    return (
      <CatalogProblem what="audiences" error={audiences.error} onRetry={() => void audiences.refetch()} />
    );
  if (!audiences.data.granted)
    return <CatalogNotGranted what="custom audiences" permission="Audience Management" />;
  if (audiences.data.audiences.length === 0)
    return (
      <p className="field__hint">
        No custom audiences in this ad account. Create them in TikTok Ads Manager to choose them here.
      </p>
    );
  return null;
}

interface AudienceChecksProps {
  name: ListName;
  legend: string;
  hint: string;
  rows: readonly AudienceRow[];
  /** Chosen in the other list, so not offered in this one. */
  taken: readonly string[];
  takenWords: string;
}

/** One list as checkboxes; the setting keeps the audiences in the rows' order. */
function AudienceChecks({ name, legend, hint, rows, taken, takenWords }: AudienceChecksProps) {
  const { field } = useController({ name });
  const chosen: readonly string[] = Array.isArray(field.value) ? field.value : [];
  const toggle = (id: string, on: boolean) =>
    field.onChange(
      toggledInOrder(
        chosen,
        id,
        on,
        rows.map((row) => row.id),
      ),
    );
  return (
    <SettingGroup name={name} legend={legend} hint={hint}>
      {(control) => (
        <div className="builder-form__audiences">
          {rows.map((row) => {
            const checked = chosen.includes(row.id);
            const elsewhere = !checked && taken.includes(row.id);
            return (
              <label key={row.id} className="choice">
                <input
                  type="checkbox"
                  name={field.name}
                  value={row.id}
                  aria-invalid={control['aria-invalid']}
                  checked={checked}
                  // Not ready: TikTok would refuse it; once chosen it can still be removed.
                  disabled={control.disabled || elsewhere || (!row.ready && !checked)}
                  onChange={(event) => toggle(row.id, event.target.checked)}
                  onBlur={field.onBlur}
                />
                <span className="choice__text">{row.name}</span>{' '}
                <span className="builder-form__result-detail">
                  {elsewhere ? `${row.detail} · ${takenWords}` : row.detail}
                </span>
              </label>
            );
          })}
        </div>
      )}
    </SettingGroup>
  );
}

function rowOf(audience: Audience): AudienceRow {
  const size = audience.size === null ? 'size not known yet' : `${formatCount(audience.size)} people`;
  const kind = audience.type ?? 'Custom audience';
  return {
    id: audience.id,
    name: audience.name,
    detail: audience.ready
      ? `${kind} · ${size}`
      : `${kind} · not ready: TikTok is still matching people, or it expired`,
    ready: audience.ready,
  };
}

function unlistedRow(id: string, listKnown: boolean): AudienceRow {
  return {
    id,
    name: `Audience ${id}`,
    detail: listKnown ? 'Not in the ad account’s list: it may have been deleted in TikTok' : 'Chosen earlier',
    ready: true,
  };
}
