import type { TikTokConnection, TikTokPermission } from '@whathead/contracts';
import { AlertIcon, CheckIcon } from '../../../components/ui/icons';
import { tiktokConsentBoxes } from './tiktok-permission-names';

/**
 * The five permissions by the help page's names. A connection that needs attention shows none as
 * granted, since TikTok can't confirm them until it is reconnected; except Permission denied,
 * where the permissions were granted and the user's role is what falls short.
 */
export function TikTokPermissionList({ connection }: { connection: TikTokConnection }) {
  const confirmed = connection.status === 'connected' || connection.attention?.cause === 'permission_denied';
  const missing = connection.permissions.filter((permission) => !permission.granted);
  return (
    <div className="stack stack--small">
      <h4 className="business-center__label">Permissions</h4>
      <ul className="permission-list" aria-label="Permissions">
        {connection.permissions.map((permission) => (
          <PermissionChip key={permission.key} permission={permission} confirmed={confirmed} />
        ))}
      </ul>
      {!confirmed && (
        <p className="business-center__hint">TikTok can’t confirm these permissions until you reconnect.</p>
      )}
      {missing.length > 0 && (
        <ul className="permission-gaps" aria-label="What stops working without the missing permissions">
          {missing.map((permission) => (
            <li key={permission.key}>
              <strong>{permission.name}</strong> is missing: it is needed to{' '}
              {permission.enables.charAt(0).toLowerCase() + permission.enables.slice(1)}. Reconnect and tick{' '}
              <ConsentBox permission={permission} /> on TikTok’s page.
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function PermissionChip({ permission, confirmed }: { permission: TikTokPermission; confirmed: boolean }) {
  const state = !permission.granted ? 'missing' : confirmed ? 'granted' : 'unconfirmed';
  return (
    <li className={`permission permission--${state}`} title={permission.enables}>
      {state === 'granted' && <CheckIcon size={14} />}
      {state === 'missing' && <AlertIcon size={14} />}
      <span className="visually-hidden">
        {{ granted: 'Granted:', missing: 'Missing:', unconfirmed: 'Not confirmed:' }[state]}
      </span>
      {permission.name}
    </li>
  );
}

/** The box on TikTok's consent page that grants the permission, by the name TikTok shows. */
function ConsentBox({ permission }: { permission: TikTokPermission }) {
  const { box, where } = tiktokConsentBoxes[permission.key];
  return (
    <>
      <strong>{box}</strong>
      {where && ` (${where})`}
    </>
  );
}
