import type { AdCreativeRef, AdSettings, MediaItem } from '@whathead/contracts';
import { useState } from 'react';
import { useController, useWatch } from 'react-hook-form';
import { MediaPicker } from '../../../../components/media-picker/media-picker';
import { Button } from '../../../../components/ui/button';
import type { CatalogAccount } from './catalog-problem';
import { SettingShell } from './setting-field';

/**
 * The creative an ad names, from a library item: TikTok's video_id or image_id in the account
 * (the item's mediaId), with what the draft keeps to show it and to find the same file again.
 * The library does not give the bytes' hash or a video's cover image id, so those stay unset.
 */
export function creativeFromItem(item: MediaItem): AdCreativeRef {
  return {
    kind: item.kind,
    materialId: item.mediaId,
    fileName: (item.fileName ?? item.mediaId).slice(0, 255),
    sha256: null,
    width: item.width,
    height: item.height,
    coverImageId: null,
  };
}

interface CreativeSettingProps {
  catalog: CatalogAccount;
  onPicked: (item: MediaItem) => void;
}

/** The ad's video or image, chosen with "Select from Library" in the campaign's ad account. */
export function CreativeSetting({ catalog, onPicked }: CreativeSettingProps) {
  const { field } = useController<AdSettings>({ name: 'creative' });
  const format = useWatch<AdSettings>({ name: 'format' }) as AdSettings['format'];
  const creative = field.value as AdCreativeRef | null;
  const [isPicking, setIsPicking] = useState(false);
  const kind = format === 'SINGLE_VIDEO' ? 'video' : 'image';
  const hint =
    catalog.advertiserId === null
      ? 'Connect this ad to an ad group under a campaign to choose from its ad account’s library.'
      : undefined;
  return (
    <SettingShell name="creative" label={kind === 'video' ? 'Video' : 'Image'} hint={hint}>
      {(control) => (
        <div className="builder-form__creative">
          <output
            id={control.id}
            aria-describedby={control['aria-describedby']}
            className="builder-form__output"
          >
            {creative ? creativeWords(creative) : 'None chosen'}
          </output>
          <Button
            variant="secondary"
            size="small"
            aria-invalid={control['aria-invalid']}
            aria-describedby={control['aria-describedby']}
            disabled={control.disabled || catalog.advertiserId === null}
            onClick={() => setIsPicking(true)}
          >
            {creative ? 'Replace from Library' : 'Select from Library'}
          </Button>
          {isPicking && catalog.advertiserId !== null && (
            <MediaPicker
              workspaceId={catalog.workspaceId}
              advertiserId={catalog.advertiserId}
              kind={kind}
              onSelect={(item) => {
                field.onChange(creativeFromItem(item));
                onPicked(item);
                setIsPicking(false);
              }}
              onClose={() => setIsPicking(false)}
            />
          )}
        </div>
      )}
    </SettingShell>
  );
}

function creativeWords(creative: AdCreativeRef): string {
  const size = creative.width && creative.height ? ` · ${creative.width}×${creative.height}` : '';
  return `${creative.fileName}${size}`;
}
