import type { AdGroupSettings, Region } from '@whathead/contracts';
import { useEffect, useId, useState } from 'react';
import { useController } from 'react-hook-form';
import { CloseIcon } from '../../../../components/ui/icons';
import { Spinner } from '../../../../components/ui/spinner';
import { useRegions } from '../../api/catalog-regions';
import { CatalogProblem, type CatalogAccount } from './catalog-problem';
import { SettingGroup } from './setting-field';

type Location = AdGroupSettings['locations'][number];

/** Long enough to finish a word, as the app's other searches wait. */
const searchDelayMilliseconds = 300;

/** "Georgia · United States": a region with where it lies, so same names tell apart. */
function regionWords(region: Region): string {
  return region.parentName ? `${region.name} · ${region.parentName}` : region.name;
}

export const locationOf = (region: Region): Location => ({ id: region.id, name: regionWords(region) });

/** Locations found by name in TikTok's region list, chosen ones shown as chips to remove. */
export function LocationSetting({ catalog }: { catalog: CatalogAccount }) {
  const { field } = useController({ name: 'locations' });
  const chosen: readonly Location[] = Array.isArray(field.value) ? field.value : [];
  const add = (region: Region) => field.onChange([...chosen, locationOf(region)]);
  const remove = (id: string) => field.onChange(chosen.filter((location) => location.id !== id));
  return (
    <SettingGroup name="locations" legend="Locations">
      {(control) => (
        <>
          <LocationChips locations={chosen} disabled={control.disabled} onRemove={remove} />
          {catalog.advertiserId === null ? (
            <p className="field__hint">
              Connect this ad group to a campaign to search its ad account’s locations.
            </p>
          ) : (
            <RegionSearch
              catalog={{ ...catalog, advertiserId: catalog.advertiserId }}
              chosen={chosen}
              onAdd={add}
            />
          )}
        </>
      )}
    </SettingGroup>
  );
}

/** The chosen locations, each a chip with its Remove button. */
export function LocationChips({
  locations,
  disabled = false,
  onRemove,
}: {
  locations: readonly Location[];
  disabled?: boolean;
  onRemove: (id: string) => void;
}) {
  if (locations.length === 0) return null;
  return (
    <ul className="builder-form__chips" aria-label="Chosen locations">
      {locations.map((location) => (
        <li key={location.id} className="chip">
          {location.name}
          <button
            type="button"
            className="chip__button"
            aria-label={`Remove ${location.name}`}
            disabled={disabled}
            onClick={() => onRemove(location.id)}
          >
            <CloseIcon size={14} />
          </button>
        </li>
      ))}
    </ul>
  );
}

interface RegionSearchProps {
  catalog: CatalogAccount & { advertiserId: string };
  chosen: readonly Location[];
  disabled?: boolean;
  onAdd: (region: Region) => void;
}

/** A search of TikTok's region list; a found location is added with one click. */
export function RegionSearch({ catalog, chosen, disabled = false, onAdd }: RegionSearchProps) {
  const inputId = useId();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timeout = window.setTimeout(() => setSearch(typed.trim()), searchDelayMilliseconds);
    return () => window.clearTimeout(timeout);
  }, [typed]);
  const regions = useRegions(catalog.workspaceId, catalog.advertiserId, search);
  const found = (regions.data?.regions ?? []).filter(
    (region) => !chosen.some((location) => location.id === region.id),
  );
  return (
    <div className="builder-form__search">
      <label htmlFor={inputId} className="visually-hidden">
        Search locations
      </label>
      <input
        id={inputId}
        type="search"
        className="field__control"
        placeholder="Search locations by name"
        autoComplete="off"
        maxLength={200}
        value={typed}
        disabled={disabled}
        onChange={(event) => setTyped(event.target.value)}
      />
      {regions.isError ? (
        <CatalogProblem what="locations" error={regions.error} onRetry={() => void regions.refetch()} />
      ) : regions.isFetching && found.length === 0 ? (
        <p className="loading-line" role="status">
          <Spinner /> Searching TikTok’s locations…
        </p>
      ) : (
        search !== '' &&
        regions.isSuccess && (
          <ul
            className="builder-form__results"
            aria-label="Matching locations"
            aria-busy={regions.isFetching || undefined}
          >
            {found.length === 0 && <li className="field__hint">No location by that name.</li>}
            {found.map((region) => (
              <li key={region.id}>
                <button
                  type="button"
                  className="builder-form__result"
                  disabled={disabled}
                  onClick={() => onAdd(region)}
                >
                  <span>Add {region.name}</span>
                  <span className="builder-form__result-detail">
                    {[region.parentName, region.level.toLowerCase()].filter(Boolean).join(' · ')}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )
      )}
    </div>
  );
}
