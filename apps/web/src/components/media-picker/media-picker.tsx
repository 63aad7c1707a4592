import type { MediaItem, MediaKind } from '@whathead/contracts';
import { useState } from 'react';
import { useMediaLibrary } from '../../lib/media-library';
import { StepHeading } from '../media-upload/step-heading';
import { UploadFlow } from '../media-upload/upload-flow';
import { Dialog } from '../ui/dialog';
import { PickerLibrary, type PickerFilters } from './picker-library';
import './media-picker.css';

export interface MediaPickerProps {
  workspaceId: string;
  /** The ad account whose library to choose from, and to upload to. */
  advertiserId: string;
  /** Only images, or only videos: what the ad being built takes. */
  kind?: MediaKind;
  onSelect: (item: MediaItem) => void;
  onClose: () => void;
}

/**
 * "Select from Library": one image or video of an ad account's TikTok library, found by name,
 * kind and ratio, or uploaded from here first. Only an item TikTok has finished processing can
 * be chosen, since an ad cannot use any other.
 */
export function MediaPicker({ workspaceId, advertiserId, kind, onSelect, onClose }: MediaPickerProps) {
  const [filters, setFilters] = useState<PickerFilters>({ q: '', kind: kind ?? null, ratio: null });
  const [mode, setMode] = useState<'library' | 'upload' | 'back'>('library');
  const library = useMediaLibrary(workspaceId, {
    account: advertiserId,
    kind: kind ?? filters.kind ?? undefined,
    ratio: filters.ratio ?? undefined,
    q: filters.q.trim() === '' ? undefined : filters.q.trim(),
  });
  const accountName = library.data?.pages[0]?.account.name ?? advertiserId;

  return (
    <Dialog
      title="Select from Library"
      description={`Images and videos in ${accountName}’s TikTok library.`}
      onClose={onClose}
    >
      {mode === 'upload' ? (
        <>
          <StepHeading>Upload images and videos</StepHeading>
          <UploadFlow
            workspaceId={workspaceId}
            accounts={[{ advertiserId, name: accountName }]}
            initialAccountIds={[advertiserId]}
            closeLabel="Back to library"
            onClose={() => setMode('back')}
          />
        </>
      ) : (
        <PickerLibrary
          library={library}
          filters={filters}
          onFilters={setFilters}
          fixedKind={kind}
          focusUpload={mode === 'back'}
          onUpload={() => setMode('upload')}
          onSelect={onSelect}
          onClose={onClose}
        />
      )}
    </Dialog>
  );
}
