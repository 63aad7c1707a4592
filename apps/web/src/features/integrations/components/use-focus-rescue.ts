import { useCallback, useEffect, useRef } from 'react';

/** Long enough for the answer that removes the focused element to arrive and render. */
const rescueWindowMilliseconds = 10_000;

type Candidates = () => (HTMLElement | null | undefined)[];

/**
 * When an action removes the element that had the focus (a disconnected Business Center, a closed
 * dialog whose opener is gone), the browser drops the focus to <body>. Armed before such an
 * action, this moves it to the first candidate that exists, after the render that lost it.
 */
export function useFocusRescue() {
  const armed = useRef<{ candidates: Candidates; until: number } | null>(null);
  useEffect(() => {
    const rescue = armed.current;
    if (!rescue) return;
    if (Date.now() > rescue.until) {
      armed.current = null;
      return;
    }
    const active = document.activeElement;
    if (active && active !== document.body) return;
    armed.current = null;
    rescue
      .candidates()
      .find((candidate) => candidate?.isConnected)
      ?.focus();
  });
  return useCallback((candidates: Candidates) => {
    armed.current = { candidates, until: Date.now() + rescueWindowMilliseconds };
  }, []);
}
