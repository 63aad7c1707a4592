import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A step's heading, focused as the step appears: the button that led to it is gone, and focus
 * left on nothing would drop a keyboard or screen reader user at the dialog's start.
 */
export function StepHeading({ children }: { children: ReactNode }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <h3 ref={headingRef} tabIndex={-1} className="upload-flow__heading">
      {children}
    </h3>
  );
}
