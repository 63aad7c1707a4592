import { Dialog } from '../ui/dialog';
import { UploadFlow, type UploadFlowProps } from './upload-flow';

/** The upload flow in a dialog of its own, as the Media page's Upload button opens it. */
export function UploadDialog(props: UploadFlowProps) {
  return (
    <Dialog
      title="Upload images and videos"
      description="Each file is checked against TikTok’s rules before anything is uploaded."
      onClose={props.onClose}
    >
      <UploadFlow {...props} />
    </Dialog>
  );
}
