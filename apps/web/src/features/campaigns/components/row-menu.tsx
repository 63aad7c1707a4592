import type { CampaignRow } from '@whathead/contracts';
import { MoreIcon } from '../../../components/ui/icons';
import { Menu } from '../../../components/ui/menu';
import { whyNotRenamable } from './campaign-action-rules';
import type { CampaignActionsContextValue } from './campaign-actions-context';

/** A row's own actions, beside its name: Rename (campaigns and ad groups) and History. */
export function RowMenu({ row, actions }: { row: CampaignRow; actions: CampaignActionsContextValue }) {
  const items = [
    ...(row.level === 'ad'
      ? []
      : [{ label: 'Rename', onSelect: () => actions.openRename(row), disabledReason: whyNotRenamable(row) }]),
    { label: 'History', onSelect: () => actions.openHistory(row) },
  ];
  return <Menu label={`Actions for ${row.name}`} icon={<MoreIcon />} items={items} />;
}
