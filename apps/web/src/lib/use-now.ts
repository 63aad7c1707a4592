import { useEffect, useState } from 'react';

/**
 * The current time, read when the component mounts (so when the data it is compared with
 * arrived, if the component mounts with it) and refreshed every `intervalMilliseconds`, so a
 * countdown or an "n minutes ago" moves.
 */
export function useNow(intervalMilliseconds: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMilliseconds);
    return () => window.clearInterval(timer);
  }, [intervalMilliseconds]);
  return now;
}
