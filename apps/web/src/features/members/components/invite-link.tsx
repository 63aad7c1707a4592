import { useEffect, useState } from 'react';
import type { CreateInvitationResponse } from '@whathead/contracts';
import { Button } from '../../../components/ui/button';
import { CheckIcon, CopyIcon } from '../../../components/ui/icons';
import { TextField } from '../../../components/ui/text-field';
import { formatDate } from '../../../lib/format-date';
import { copyText } from '../../../lib/copy-text';

type CopyState = 'idle' | 'copied' | 'failed';

const copyMessages: Record<CopyState, string> = {
  idle: '',
  copied: 'Link copied. Paste it into an email or chat to your teammate.',
  failed: 'Couldn’t copy automatically. Select the link and copy it yourself.',
};

/** The freshly created invite link, for the inviter to pass on: invitations are not emailed. */
export function InviteLink({ invitation, link }: CreateInvitationResponse) {
  const [copyState, setCopyState] = useState<CopyState>('idle');

  useEffect(() => {
    if (copyState !== 'copied') return;
    const timeout = window.setTimeout(() => setCopyState('idle'), 5000);
    return () => window.clearTimeout(timeout);
  }, [copyState]);

  async function copy() {
    setCopyState((await copyText(link)) ? 'copied' : 'failed');
  }

  return (
    <div className="invite-link">
      <div className="invite-link__row">
        <TextField
          label="Invite link"
          name="inviteLink"
          value={link}
          readOnly
          spellCheck={false}
          className="invite-link__field"
          onFocus={(event) => event.currentTarget.select()}
          hint={`Send this link to ${invitation.email}. It can be used once and expires on ${formatDate(invitation.expiresAt)}.`}
        />
        <Button
          variant="secondary"
          className="invite-link__copy"
          icon={copyState === 'copied' ? <CheckIcon /> : <CopyIcon />}
          onClick={() => void copy()}
        >
          Copy link
        </Button>
      </div>
      <p className="invite-link__status" role="status">
        {copyMessages[copyState]}
      </p>
    </div>
  );
}
