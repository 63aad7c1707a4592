import { Button } from '../../../components/ui/button';
import { Spinner } from '../../../components/ui/spinner';

/** While TikTok's sign-in window is open: say so, bring it back, or stop waiting for it. */
export function TikTokPopupWaiting({ onShow, onStop }: { onShow: () => void; onStop: () => void }) {
  return (
    <div className="notice integration__waiting">
      <p className="loading-line">
        <Spinner /> TikTok sign-in window is open. Finish signing in there; this card updates when you’re
        done.
      </p>
      <div className="button-row">
        <Button variant="secondary" size="small" onClick={onShow}>
          Show TikTok window
        </Button>
        <Button variant="ghost" size="small" onClick={onStop}>
          Stop waiting
        </Button>
      </div>
    </div>
  );
}
