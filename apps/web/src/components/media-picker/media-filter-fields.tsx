import { mediaKinds, mediaRatios, type MediaKind, type MediaRatio } from '@whathead/contracts';
import { SelectField } from '../ui/select-field';

const kindChoices: Record<MediaKind, string> = { image: 'Images', video: 'Videos' };

/** Images, videos, or both (null). Shared by the Media page's filters and the picker's. */
export function KindSelect({
  kind,
  onChange,
}: {
  kind: MediaKind | null;
  onChange: (kind: MediaKind | null) => void;
}) {
  return (
    <SelectField
      inline
      label="Type"
      value={kind ?? ''}
      onChange={(event) => onChange(mediaKinds.find((candidate) => candidate === event.target.value) ?? null)}
    >
      <option value="">All</option>
      {mediaKinds.map((choice) => (
        <option key={choice} value={choice}>
          {kindChoices[choice]}
        </option>
      ))}
    </SelectField>
  );
}

/** One of the shapes TikTok takes, or any (null). */
export function RatioSelect({
  ratio,
  onChange,
}: {
  ratio: MediaRatio | null;
  onChange: (ratio: MediaRatio | null) => void;
}) {
  return (
    <SelectField
      inline
      label="Ratio"
      value={ratio ?? ''}
      onChange={(event) =>
        onChange(mediaRatios.find((candidate) => candidate === event.target.value) ?? null)
      }
    >
      <option value="">Any</option>
      {mediaRatios.map((choice) => (
        <option key={choice} value={choice}>
          {choice}
        </option>
      ))}
    </SelectField>
  );
}
