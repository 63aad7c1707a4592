import { ageGroups, genders, placements, type AdGroupSettings } from '@whathead/contracts';
import { useWatch } from 'react-hook-form';
import type { CatalogAccount } from './catalog-problem';
import { ageGroupLabels, genderLabels, languageLabels, placementLabels } from './form-words';
import { LocationSetting } from './location-setting';
import { ChecksSetting, RadiosSetting } from './choice-settings';
import { SelectSetting } from './setting-controls';

const placementTypeOptions: { value: AdGroupSettings['placementType']; label: string }[] = [
  { value: 'PLACEMENT_TYPE_AUTOMATIC', label: 'Automatic placement' },
  { value: 'PLACEMENT_TYPE_NORMAL', label: 'Choose placements' },
];
const placementOptions = placements.map((value) => ({ value, label: placementLabels[value] }));
const ageOptions = ageGroups.map((value) => ({ value, label: ageGroupLabels[value] }));
const genderOptions = genders.map((value) => ({ value, label: genderLabels[value] }));
const languageOptions = Object.entries(languageLabels).map(([value, label]) => ({ value, label }));

/** Where the ads show and to whom: placements, locations, ages, gender and languages. */
export function AdGroupAudience({ catalog }: { catalog: CatalogAccount }) {
  const placementType = useWatch({ name: 'placementType' }) as AdGroupSettings['placementType'];
  return (
    <>
      <RadiosSetting name="placementType" legend="Placement" options={placementTypeOptions} />
      {placementType === 'PLACEMENT_TYPE_NORMAL' && (
        <ChecksSetting name="placements" legend="Placements" options={placementOptions} />
      )}
      <LocationSetting catalog={catalog} />
      <ChecksSetting
        name="ageGroups"
        legend="Age groups"
        hint="None ticked: every age."
        options={ageOptions}
      />
      <SelectSetting name="gender" label="Gender" options={genderOptions} />
      <ChecksSetting
        name="languages"
        legend="Languages"
        hint="None ticked: every language."
        options={languageOptions}
      />
    </>
  );
}
