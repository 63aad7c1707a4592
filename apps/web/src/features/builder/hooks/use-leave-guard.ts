import { useEffect } from 'react';
import { useBlocker } from 'react-router';

/**
 * While `unsaved`, leaving asks first: the browser's own prompt on closing or reloading the tab,
 * and the router's blocker (shown by components/leave-dialog.tsx) on moving to another page. A
 * blocked move goes ahead by itself once the changes are saved.
 */
export function useLeaveGuard(unsaved: boolean) {
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Chromium before 119 shows the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => unsaved && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state === 'blocked' && !unsaved) blocker.proceed();
  }, [blocker, unsaved]);
  return blocker;
}
