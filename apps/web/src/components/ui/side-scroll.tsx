import { useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import { classNames } from '../../lib/class-names';
import './side-scroll.css';

export interface SideScrollEdges {
  /** Columns are scrolled out of view to the left / still out of view to the right. */
  before: boolean;
  after: boolean;
  /** Pixels of the element's right and bottom edges that are border and scrollbar, not content. */
  endInset: number;
  bottomInset: number;
}

const noEdges: SideScrollEdges = { before: false, after: false, endInset: 0, bottomInset: 0 };

/**
 * Whether an element that scrolls sideways has columns cut off at either edge, kept up to date as
 * it scrolls and as it or its first child (the table) changes size.
 */
export function useSideScrollEdges(element: HTMLElement | null): SideScrollEdges {
  const [edges, setEdges] = useState(noEdges);

  useEffect(() => {
    if (!element) return;
    const measure = () => {
      const rest = element.scrollWidth - element.clientWidth - element.scrollLeft;
      const next: SideScrollEdges = {
        before: element.scrollLeft > 1,
        after: rest > 1,
        endInset: Math.max(0, element.offsetWidth - element.clientWidth - element.clientLeft),
        bottomInset: Math.max(0, element.offsetHeight - element.clientHeight - element.clientTop),
      };
      setEdges((edges) => (isSame(edges, next) ? edges : next));
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
  }, [element]);

  return edges;
}

function isSame(one: SideScrollEdges, other: SideScrollEdges): boolean {
  return (
    one.before === other.before &&
    one.after === other.after &&
    one.endInset === other.endInset &&
    one.bottomInset === other.bottomInset
  );
}

/**
 * Shows that a wide table goes on: a line above it says it scrolls sideways, and the edge that
 * columns are cut off behind fades (inside the scrollbars, which stay crisp). Wraps the element
 * whose edges `useSideScrollEdges` measures.
 */
export function SideScrollFrame({ edges, children }: { edges: SideScrollEdges; children: ReactNode }) {
  const insets = {
    '--side-scroll-end': `${edges.endInset}px`,
    '--side-scroll-bottom': `${edges.bottomInset}px`,
  } as CSSProperties;
  return (
    <div className="side-scroll">
      {(edges.before || edges.after) && (
        <p className="side-scroll__hint" aria-hidden="true">
          Scroll sideways for more columns
        </p>
      )}
      <div
        className={classNames(
          'side-scroll__frame',
          edges.before && 'side-scroll__frame--before',
          edges.after && 'side-scroll__frame--after',
        )}
        style={insets}
      >
        {children}
      </div>
    </div>
  );
}

/**
 * A wide table that scrolls sideways inside its card, and shows it (SideScrollFrame). Keyboard
 * users scroll it once focused.
 */
export function SideScroll({ label, children }: { label: string; children: ReactNode }) {
  // State, not a ref: the edges are measured once the element is there.
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const edges = useSideScrollEdges(element);
  const overflows = edges.before || edges.after;
  return (
    <SideScrollFrame edges={edges}>
      <div
        ref={setElement}
        className="side-scroll__scroller"
        // A region one can focus and scroll with the arrow keys, when there is anything to scroll.
        role={overflows ? 'region' : undefined}
        aria-label={overflows ? label : undefined}
        tabIndex={overflows ? 0 : undefined}
      >
        {children}
      </div>
    </SideScrollFrame>
  );
}
