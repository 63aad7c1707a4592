import { useEffect, useState } from 'react';
import { useNavigation } from 'react-router';
import { Spinner } from '../../components/ui/spinner';

/** Most pages arrive faster than this; a message that flashes by only distracts. */
const showAfterMilliseconds = 300;

/**
 * Says that the next page is on its way while its code loads (router.tsx fetches each page when it
 * is first visited); the page being left stays on screen until then. The live region appears as
 * the navigation starts and its text only later, so screen readers know the region by the time
 * the text arrives, and announce it.
 */
export function PageLoadingStatus() {
  const isLoading = useNavigation().state === 'loading';
  const [isSlow, setIsSlow] = useState(false);
  useEffect(() => {
    if (!isLoading) return;
    const timeout = window.setTimeout(() => setIsSlow(true), showAfterMilliseconds);
    return () => {
      window.clearTimeout(timeout);
      setIsSlow(false);
    };
  }, [isLoading]);
  if (!isLoading) return null;
  return (
    <div role="status" className="status-message page-loading-status">
      {isSlow && (
        <>
          <Spinner /> Loading page…
        </>
      )}
    </div>
  );
}
