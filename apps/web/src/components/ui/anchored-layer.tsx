import { useEffect, useLayoutEffect, useRef, useState, type ComponentPropsWithoutRef } from 'react';
import { createPortal } from 'react-dom';
import { classNames } from '../../lib/class-names';
import './anchored-layer.css';

/** Space between the anchor and the layer, and between the layer and the window's edge. */
const gap = 4;

interface AnchoredLayerProps extends ComponentPropsWithoutRef<'div'> {
  /** The element the layer opens under (or over, when there is no room under it). */
  anchor: HTMLElement | null;
  /** Which edge of the anchor the layer lines up with. */
  align?: 'start' | 'end';
  /** A press outside both the anchor and the layer, to close it. */
  onOutsidePointerDown?: (event: PointerEvent) => void;
  /**
   * Called once the layer is in place and shown: the moment focus can move into it. Until then it
   * is hidden, and a browser won't focus anything hidden.
   */
  onShown?: (layer: HTMLDivElement) => void;
}

/**
 * A layer floating over the page next to an element, drawn at the end of <body>: inside a
 * scrolling box whose cells clip what overflows them (the Campaigns table), a menu or an editor's
 * message would be cut off. It follows the anchor as anything scrolls.
 */
export function AnchoredLayer({
  anchor,
  align = 'start',
  onOutsidePointerDown,
  onShown,
  className,
  style,
  ...divProps
}: AnchoredLayerProps) {
  const layerRef = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  const outside = useRef(onOutsidePointerDown);
  const shown = useRef(onShown);
  useLayoutEffect(() => {
    outside.current = onOutsidePointerDown;
    shown.current = onShown;
  });

  useLayoutEffect(() => {
    if (!anchor) return;
    const place = () => {
      const box = anchor.getBoundingClientRect();
      const height = layerRef.current?.offsetHeight ?? 0;
      const width = layerRef.current?.offsetWidth ?? 0;
      const fitsBelow = box.bottom + gap + height <= window.innerHeight || box.top - gap - height < 0;
      const left = align === 'end' ? box.right - width : box.left;
      setPosition({
        top: fitsBelow ? box.bottom + gap : box.top - gap - height,
        left: Math.max(gap, Math.min(left, window.innerWidth - width - gap)),
      });
    };
    place();
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [anchor, align]);

  const isPlaced = position !== null;
  useLayoutEffect(() => {
    if (isPlaced && layerRef.current) shown.current?.(layerRef.current);
  }, [isPlaced]);

  useEffect(() => {
    const closeOutside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!layerRef.current?.contains(target) && !anchor?.contains(target)) outside.current?.(event);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [anchor]);

  return createPortal(
    <div
      ref={layerRef}
      className={classNames('anchored-layer', className)}
      style={{
        top: position?.top ?? 0,
        left: position?.left ?? 0,
        visibility: position ? undefined : 'hidden',
        ...style,
      }}
      {...divProps}
    />,
    document.body,
  );
}
