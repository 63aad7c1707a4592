import { tileMetricKeys } from '../lib/report-metrics';

/** Placeholder tiles in the layout the figures will take, so the page doesn't jump when they arrive. */
export function TileSkeleton() {
  return (
    <div className="report-tiles" aria-hidden="true">
      {tileMetricKeys.map((key) => (
        <div key={key} className="report-tile report-tile--skeleton">
          <span className="skeleton skeleton--label" />
          <span className="skeleton skeleton--value" />
        </div>
      ))}
    </div>
  );
}

export function BlockSkeleton({ className }: { className: string }) {
  return <div className={`skeleton ${className}`} aria-hidden="true" />;
}
