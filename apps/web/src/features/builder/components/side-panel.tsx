import { levelWords, nodeTitle, type DraftIssue, type DraftNode, type DraftTree } from '@whathead/contracts';
import { useEffect, useId, useRef } from 'react';
import { CloseIcon } from '../../../components/ui/icons';
import type { BuilderAccount } from '../model/builder-accounts';
import { levelTitle } from '../model/level-words';
import { BulkEditForm } from './forms/bulk-edit-form';
import { NodeForm } from './forms/node-form';

interface SidePanelProps {
  tree: DraftTree;
  openKey: string | null;
  selection: readonly string[];
  accounts: BuilderAccount[];
  issuesOf(key: string): DraftIssue[];
  readOnly: boolean;
  onChange(nodes: DraftNode[]): void;
  onClose(): void;
}

/**
 * Beside the canvas: the open node's form, or, with several nodes of one level selected and none
 * open, the form that changes them all at once. Nothing otherwise.
 */
export function SidePanel({
  tree,
  openKey,
  selection,
  accounts,
  issuesOf,
  readOnly,
  onChange,
  onClose,
}: SidePanelProps) {
  const headingId = useId();
  const panelRef = useRef<HTMLElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  // Another node's form starts at its top, and comes into view where the panel sits below the
  // canvas (narrow windows).
  useEffect(() => {
    if (openKey === null) return;
    bodyRef.current?.scrollTo?.({ top: 0 });
    panelRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [openKey]);
  const open = openKey === null ? undefined : tree.byKey.get(openKey);
  const selected = selection.flatMap((key) => tree.byKey.get(key) ?? []);
  const bulk = !open && selected.length > 1 && selected.every((node) => node.level === selected[0]!.level);
  if (!open && !bulk) return null;

  const title = open
    ? `${levelTitle(open.level)} “${nodeTitle(open)}”`
    : `${selected.length} ${levelWords[selected[0]!.level].many}`;
  return (
    <section ref={panelRef} className="builder-panel" aria-labelledby={headingId}>
      <header className="builder-panel__header">
        <h2 id={headingId} className="builder-panel__title">
          {open ? title : `Edit ${title} together`}
        </h2>
        {open && (
          <button type="button" className="icon-button" onClick={onClose} aria-label="Close the form">
            <CloseIcon />
          </button>
        )}
      </header>
      <div ref={bodyRef} className="builder-panel__body">
        {open ? (
          <NodeForm
            key={open.key}
            node={open}
            tree={tree}
            accounts={accounts}
            issues={issuesOf(open.key)}
            readOnly={readOnly}
            onChange={(next) => onChange([next])}
          />
        ) : (
          <BulkEditForm nodes={selected} tree={tree} readOnly={readOnly} onApply={onChange} />
        )}
      </div>
    </section>
  );
}
