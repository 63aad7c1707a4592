import { useEffect, useRef, useState, type ReactNode } from 'react';
import { classNames } from '../../../lib/class-names';

interface Edges {
  /** Columns are scrolled out of view to the left / still out of view to the right. */
  before: boolean;
  after: boolean;
}

/**
 * A wide table that scrolls sideways inside its card. Cut-off columns show: the edge they are
 * behind fades, and a line above says the table scrolls. Keyboard users scroll it once focused.
 */
export function SideScroll({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState<Edges>({ before: false, after: false });

  useEffect(() => {
    const element = ref.current!;
    const measure = () => {
      const rest = element.scrollWidth - element.clientWidth - element.scrollLeft;
      const next = { before: element.scrollLeft > 1, after: rest > 1 };
      setEdges((edges) => (edges.before === next.before && edges.after === next.after ? edges : next));
    };
    element.addEventListener('scroll', measure, { passive: true });
    // Also tells at once, when observing starts: the first measure.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(element);
    if (element.firstElementChild) observer?.observe(element.firstElementChild);
    return () => {
      element.removeEventListener('scroll', measure);
      observer?.disconnect();
    };
  }, []);

  const overflows = edges.before || edges.after;
  return (
    <div className="report-side-scroll">
      {overflows && (
        <p className="report-side-scroll__hint" aria-hidden="true">
          Scroll sideways for more columns
        </p>
      )}
      <div
        className={classNames(
          'report-side-scroll__frame',
          edges.before && 'report-side-scroll__frame--before',
          edges.after && 'report-side-scroll__frame--after',
        )}
      >
        <div
          ref={ref}
          className="report-scroll"
          // A region one can focus and scroll with the arrow keys, when there is anything to scroll.
          role={overflows ? 'region' : undefined}
          aria-label={overflows ? label : undefined}
          tabIndex={overflows ? 0 : undefined}
        >
          {children}
        </div>
      </div>
    </div>
  );
}
