import type { MediaLayout } from './use-media-view';

const layouts: { layout: MediaLayout; label: string }[] = [
  { layout: 'grid', label: 'Grid' },
  { layout: 'list', label: 'List' },
];

/** Thumbnails or a table of facts: two toggle buttons, the pressed one is the layout shown. */
export function LayoutToggle({
  layout,
  onChange,
}: {
  layout: MediaLayout;
  onChange: (layout: MediaLayout) => void;
}) {
  return (
    <div className="layout-toggle" role="group" aria-label="Layout">
      {layouts.map((choice) => (
        <button
          key={choice.layout}
          type="button"
          className="layout-toggle__button"
          aria-pressed={choice.layout === layout}
          onClick={() => onChange(choice.layout)}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}
