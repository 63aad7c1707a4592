import {
  adGroupSettingsSchema,
  type AdGroupNode,
  type DraftIssue,
  type DraftTree,
} from '@whathead/contracts';
import { useActiveWorkspace } from '../../../../lib/session';
import { AdGroupAudience } from './ad-group-audience';
import { AdGroupDelivery } from './ad-group-delivery';
import { AdGroupSchedule } from './ad-group-schedule';
import { AudienceSettings } from './audience-setting';
import type { CatalogAccount } from './catalog-problem';
import { statusOptions } from './form-words';
import { FormSection, NodeFormFrame } from './node-form-frame';
import type { BuilderAccount } from './node-form';
import { RadiosSetting } from './choice-settings';
import { TextSetting } from './setting-controls';
import { useSettingsForm } from './use-settings-form';

interface AdGroupFormProps {
  node: AdGroupNode;
  tree: DraftTree;
  accounts: readonly BuilderAccount[];
  issues: readonly DraftIssue[];
  readOnly: boolean;
  onChange: (next: AdGroupNode) => void;
}

/** An ad group's settings; what its campaign decides (objective, account, budget) comes from the tree. */
export function AdGroupForm({ node, tree, accounts, issues, readOnly, onChange }: AdGroupFormProps) {
  const form = useSettingsForm(node, adGroupSettingsSchema, onChange);
  const workspace = useActiveWorkspace();
  const campaign = tree.campaignOf(node);
  const advertiserId = campaign?.advertiserId ?? null;
  const currency = accounts.find((account) => account.advertiserId === advertiserId)?.currency ?? null;
  const catalog: CatalogAccount = {
    workspaceId: workspace?.id ?? '',
    advertiserId: workspace ? advertiserId : null,
  };
  return (
    <NodeFormFrame title="Ad group" form={form} state={{ node, issues, readOnly }}>
      <TextSetting name="name" label="Ad group name" />
      <FormSection title="Placements and audience">
        <AdGroupAudience catalog={catalog} />
      </FormSection>
      <FormSection title="Audiences">
        <AudienceSettings catalog={catalog} />
      </FormSection>
      <FormSection title="Optimisation and bidding">
        <AdGroupDelivery
          objective={campaign?.settings.objective ?? null}
          catalog={catalog}
          currency={currency}
        />
      </FormSection>
      <FormSection title="Budget and schedule">
        <AdGroupSchedule
          campaignBudget={campaign?.settings.budgetOptimization ?? false}
          currency={currency}
        />
      </FormSection>
      <RadiosSetting name="status" legend="Status" options={statusOptions} />
    </NodeFormFrame>
  );
}
