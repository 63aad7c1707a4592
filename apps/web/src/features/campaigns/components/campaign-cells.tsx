import type { Row } from '@tanstack/react-table';
import { adsManagerUrl, type CampaignRow } from '@whathead/contracts';
import { use } from 'react';
import { Badge } from '../../../components/ui/badge';
import { CopyIcon, ExternalLinkIcon } from '../../../components/ui/icons';
import { classNames } from '../../../lib/class-names';
import { copyText } from '../../../lib/copy-text';
import { formatRelativeTime } from '../../../lib/format-relative-time';
import { CampaignActionsContext } from './campaign-actions-context';
import { CampaignTableContext } from './campaign-table-context';
import type { CampaignTableFeatures } from './campaign-table-features';
import { RowMenu } from './row-menu';
import { deliveryTones, inWords, levelNouns } from './campaign-words';

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export const notSyncingNote =
  'Not syncing: this ad account is no longer used by the workspace, so the row shows what TikTok last said and can’t be changed here.';

/** Shown for a value TikTok doesn't have, so an empty cell never reads as still loading. */
const none = <span className="campaign-cell__none">—</span>;

export function SelectCell({ row }: { row: Row<CampaignTableFeatures, CampaignRow> }) {
  const { name, readOnly } = row.original;
  return (
    <input
      type="checkbox"
      className="campaign-table__checkbox"
      aria-label={`Select ${name}`}
      checked={row.getIsSelected()}
      disabled={!row.getCanSelect()}
      title={readOnly ? notSyncingNote : undefined}
      onChange={row.getToggleSelectedHandler()}
    />
  );
}

export function NameCell({ row }: { row: CampaignRow }) {
  const actions = use(CampaignActionsContext);
  const problem = actions?.problemOf(row, 'name') ?? null;
  const parent = parentLine(row);
  let below = parent && (
    <span className="campaign-cell__sub" title={parent}>
      {parent}
    </span>
  );
  if (problem) below = <RowProblem prefix="Not renamed" message={problem} />;
  else if (actions?.isSaving(row, 'name')) below = <span className="campaign-cell__sub">Saving…</span>;
  return (
    <span className="campaign-cell__with-menu">
      <span className="campaign-cell">
        <span className="campaign-cell__title">
          <span className="campaign-cell__name" title={row.name}>
            {row.name}
          </span>
          {row.readOnly && (
            <span title={notSyncingNote}>
              <Badge>Not syncing</Badge>
            </span>
          )}
        </span>
        {below}
      </span>
      {actions && <RowMenu row={row} actions={actions} />}
    </span>
  );
}

/** Why the row's last change didn't happen, beside the value it was about. */
function RowProblem({ prefix, message }: { prefix: string; message: string }) {
  return (
    <span className="campaign-cell__sub campaign-cell__problem" title={message}>
      {prefix}: {message}
    </span>
  );
}

/** Where an ad group or ad sits, as TikTok Ads Manager shows it under the name. */
function parentLine(row: CampaignRow): string | null {
  const campaign = row.campaignName ?? row.campaignId;
  if (row.level === 'adgroup') return `Campaign: ${campaign}`;
  if (row.level === 'ad')
    return `Ad group: ${row.adGroupName ?? row.adGroupId ?? '—'} · Campaign: ${campaign}`;
  return null;
}

export function DeliveryCell({ row }: { row: CampaignRow }) {
  const { delivery } = row;
  const problem = use(CampaignActionsContext)?.problemOf(row, 'status') ?? null;
  return (
    <span className="campaign-cell">
      <span className="campaign-cell__title">
        <span className={classNames('status-dot', `status-dot--${deliveryTones[delivery.state]}`)} />
        {delivery.label}
      </span>
      {problem ? (
        <RowProblem prefix="Not changed" message={problem} />
      ) : (
        delivery.reason && (
          <span className="campaign-cell__sub" title={delivery.reason}>
            {delivery.reason}
          </span>
        )
      )}
    </span>
  );
}

export function WordsCell({ labels, value }: { labels: Record<string, string>; value: string | null }) {
  const words = inWords(labels, value);
  return words ? <span>{words}</span> : none;
}

export function AccountCell({ row }: { row: CampaignRow }) {
  return (
    <span className="campaign-cell">
      <span className="campaign-cell__name" title={row.accountName}>
        {row.accountName}
      </span>
      <span className="campaign-cell__sub">{row.advertiserId}</span>
    </span>
  );
}

export function IdCell({ row }: { row: CampaignRow }) {
  const { announce } = use(CampaignTableContext);
  const noun = levelNouns[row.level].one;
  return (
    <span className="campaign-cell__id">
      <code>{row.id}</code>
      <button
        type="button"
        className="icon-button"
        aria-label={`Copy the ${noun} ID of ${row.name}`}
        title="Copy ID"
        onClick={() =>
          void copyText(row.id).then((copied) =>
            announce(
              copied ? `ID ${row.id} copied.` : 'Couldn’t copy automatically. Select the ID and copy it.',
            ),
          )
        }
      >
        <CopyIcon size={16} />
      </button>
    </span>
  );
}

export function DateCell({ at }: { at: string | null }) {
  const { now } = use(CampaignTableContext);
  if (at === null) return none;
  return (
    <time dateTime={at} title={dateTimeFormat.format(new Date(at))}>
      {formatRelativeTime(at, now)}
    </time>
  );
}

export function OpenCell({ row }: { row: CampaignRow }) {
  return (
    <a
      className="icon-button"
      href={adsManagerUrl(row)}
      target="_blank"
      rel="noopener noreferrer"
      title="Open in TikTok Ads Manager"
    >
      <ExternalLinkIcon />
      <span className="visually-hidden">Open {row.name} in TikTok Ads Manager (opens in a new tab)</span>
    </a>
  );
}
