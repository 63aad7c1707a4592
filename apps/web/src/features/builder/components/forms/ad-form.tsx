import {
  adFormats,
  adSettingsSchema,
  callsToAction,
  type AdNode,
  type AdSettings,
  type DraftIssue,
  type DraftTree,
  type MediaItem,
} from '@whathead/contracts';
import { useState } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import { useActiveWorkspace } from '../../../../lib/session';
import { AdPreview, useCreativeItem } from './ad-preview';
import type { CatalogAccount } from './catalog-problem';
import { CreativeSetting } from './creative-setting';
import { adFormatLabels, callToActionLabels, statusOptions } from './form-words';
import { IdentitySetting } from './identity-setting';
import { NodeFormFrame } from './node-form-frame';
import { RadiosSetting } from './choice-settings';
import { SelectSetting, TextSetting } from './setting-controls';
import { useSettingsForm } from './use-settings-form';

interface AdFormProps {
  node: AdNode;
  tree: DraftTree;
  issues: readonly DraftIssue[];
  readOnly: boolean;
  onChange: (next: AdNode) => void;
}

const formatOptions = adFormats.map((value) => ({ value, label: adFormatLabels[value] }));
const callToActionOptions = callsToAction.map((value) => ({ value, label: callToActionLabels[value] }));

/** TikTok's limits, which the draft's rules check too; the counters show them as people type. */
const adTextLimit = 100;
const displayNameLimit = 40;

/** An ad's settings beside a preview that follows every change. */
export function AdForm({ node, tree, issues, readOnly, onChange }: AdFormProps) {
  const form = useSettingsForm(node, adSettingsSchema, onChange);
  const workspace = useActiveWorkspace();
  const advertiserId = tree.campaignOf(node)?.advertiserId ?? null;
  const catalog: CatalogAccount = {
    workspaceId: workspace?.id ?? '',
    advertiserId: workspace ? advertiserId : null,
  };
  const [picked, setPicked] = useState<MediaItem | null>(null);
  const identity = useWatch({ control: form.control, name: 'identity' });
  const showsDisplayName = identity === null || identity.type === 'CUSTOMIZED_USER';
  return (
    <NodeFormFrame title="Ad" form={form} state={{ node, issues, readOnly }}>
      <div className="builder-form__ad">
        <div className="builder-form__ad-fields">
          <TextSetting name="name" label="Ad name" />
          <IdentitySetting catalog={catalog} />
          {showsDisplayName && (
            <TextSetting name="displayName" label="Display name" limit={displayNameLimit} />
          )}
          <RadiosSetting name="format" legend="Format" options={formatOptions} />
          <CreativeSetting catalog={catalog} onPicked={setPicked} />
          <TextSetting name="adText" label="Ad text" limit={adTextLimit} multiline />
          <SelectSetting
            name="callToAction"
            label="Call to action"
            options={callToActionOptions}
            emptyLabel="Choose a call to action"
          />
          <TextSetting name="landingPageUrl" label="Landing page URL" type="url" placeholder="https://" />
          <RadiosSetting name="status" legend="Status" options={statusOptions} />
        </div>
        <LivePreview control={form.control} catalog={catalog} picked={picked} />
      </div>
    </NodeFormFrame>
  );
}

function LivePreview({
  control,
  catalog,
  picked,
}: {
  control: Control<AdSettings>;
  catalog: CatalogAccount;
  picked: MediaItem | null;
}) {
  const [identity, displayName, adText, callToAction, creative] = useWatch({
    control,
    name: ['identity', 'displayName', 'adText', 'callToAction', 'creative'],
  });
  const item = useCreativeItem(catalog, creative, picked);
  return (
    <AdPreview settings={{ identity, displayName, adText, callToAction }} item={item} creative={creative} />
  );
}
