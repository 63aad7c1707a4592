import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import {
  indexDraft,
  newAd,
  newAdGroup,
  newCampaign,
  validateDraft,
  type AdGroupNode,
  type AdNode,
  type CampaignNode,
  type DraftNode,
} from '@whathead/contracts';
import { useState } from 'react';
import { vi } from 'vitest';
import { queryClient } from '../../../../lib/query-client';
import { queryKeys } from '../../../../lib/query-keys';
import { advertiserIds, signedInSession, workspaceIds } from '../../../../testing/fixtures';
import { BulkEditForm } from './bulk-edit-form';
import { NodeForm, type BuilderAccount } from './node-form';

/** Northwind US (USD) and Northwind EU (EUR), as the builder page passes them. */
export const builderAccounts: BuilderAccount[] = [
  { advertiserId: advertiserIds.us, name: 'Northwind US', currency: 'USD' },
  { advertiserId: advertiserIds.eu, name: 'Northwind EU', currency: 'EUR' },
];

const catalogBase = (advertiserId: string) =>
  `/api/workspaces/${workspaceIds.acme}/builder/accounts/${advertiserId}`;
export const catalogRoutes = {
  regions: (advertiserId = advertiserIds.us) => `GET ${catalogBase(advertiserId)}/regions`,
  identities: (advertiserId = advertiserIds.us) => `GET ${catalogBase(advertiserId)}/identities`,
  createIdentity: (advertiserId = advertiserIds.us) => `POST ${catalogBase(advertiserId)}/identities`,
  pixels: (advertiserId = advertiserIds.us) => `GET ${catalogBase(advertiserId)}/pixels`,
  apps: (advertiserId = advertiserIds.us) => `GET ${catalogBase(advertiserId)}/apps`,
  audiences: (advertiserId = advertiserIds.us) => `GET ${catalogBase(advertiserId)}/audiences`,
};

export function campaign(key: string, settings: Partial<CampaignNode['settings']> = {}): CampaignNode {
  const node = newCampaign(key, advertiserIds.us, `Campaign ${key}`);
  return { ...node, settings: { ...node.settings, budget: 100, ...settings } };
}

export function adGroup(
  key: string,
  parentKey: string,
  settings: Partial<AdGroupNode['settings']> = {},
): AdGroupNode {
  const node = newAdGroup(key, parentKey, 'TRAFFIC', `Ad group ${key}`);
  return { ...node, settings: { ...node.settings, budget: 50, ...settings } };
}

export function ad(key: string, parentKey: string, settings: Partial<AdNode['settings']> = {}): AdNode {
  const node = newAd(key, parentKey, `Ad ${key}`);
  return { ...node, settings: { ...node.settings, ...settings } };
}

/** A node as TikTok has it: its id, and its settings as published. */
export function published<Node extends DraftNode>(node: Node, tiktokId: string): Node {
  return { ...node, tiktokId, published: structuredClone(node.settings) };
}

function withSession() {
  queryClient.setQueryData(queryKeys.session, signedInSession());
}

/**
 * The form as the builder page runs it: the draft held in state, every change put back into it,
 * and `validateDraft` run over the whole tree on every render. `shown` is the node's key.
 */
export function renderNodeForm(nodes: DraftNode[], shown: string, { readOnly = false } = {}) {
  withSession();
  const onChange = vi.fn<(next: DraftNode) => void>();
  let replaceNode: (next: DraftNode) => void = () => undefined;
  function Page() {
    const [draft, setDraft] = useState(nodes);
    const tree = indexDraft({ nodes: draft });
    const issues = validateDraft(
      { nodes: draft },
      {
        now: Date.now(),
        accounts: new Map(builderAccounts.map((account) => [account.advertiserId, account])),
      },
    );
    replaceNode = (next) =>
      setDraft((current) => current.map((node) => (node.key === next.key ? next : node)));
    return (
      <NodeForm
        node={tree.byKey.get(shown)!}
        tree={tree}
        accounts={builderAccounts}
        issues={issues}
        readOnly={readOnly}
        onChange={(next) => {
          onChange(next);
          replaceNode(next);
        }}
      />
    );
  }
  const view = render(
    <QueryClientProvider client={queryClient}>
      <Page />
    </QueryClientProvider>,
  );
  /** The last node the form sent, as the page saved it. */
  const lastSent = <Node extends DraftNode>() => onChange.mock.calls.at(-1)?.[0] as Node;
  /** Changes a node from outside the form, as undo or another form would. */
  const changeNode = (next: DraftNode) => replaceNode(next);
  return { ...view, onChange, lastSent, changeNode };
}

export function renderBulkEditForm(nodes: DraftNode[], selected: string[], { readOnly = false } = {}) {
  withSession();
  const onApply = vi.fn<(next: DraftNode[]) => void>();
  const tree = indexDraft({ nodes });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <BulkEditForm
        nodes={selected.map((key) => tree.byKey.get(key)!)}
        tree={tree}
        readOnly={readOnly}
        onApply={onApply}
      />
    </QueryClientProvider>,
  );
  return { ...view, onApply };
}
