import { createInvitationInputSchema } from '@whathead/contracts';
import { useEffect } from 'react';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { LinkIcon } from '../../../components/ui/icons';
import { SelectField } from '../../../components/ui/select-field';
import { EmailField } from '../../../components/ui/email-field';
import { roleDescriptions, roleLabels } from '../../../lib/role-labels';
import { useValidatedForm } from '../../../lib/use-validated-form';
import { useCreateInvitation } from '../api/create-invitation';
import { InviteLink } from './invite-link';

const fieldNames = ['email', 'role'] as const;
const invitableRoles = ['member', 'admin'] as const;

/** Owners and admins create a one-time invite link for a teammate's email address. */
export function InviteForm({ workspaceId }: { workspaceId: string }) {
  const createInvitation = useCreateInvitation(workspaceId);
  const { formRef, onSubmit, onChange, fieldErrors, formError } = useValidatedForm({
    schema: createInvitationInputSchema,
    mutation: createInvitation,
    fieldNames,
  });

  const created = createInvitation.data;
  useEffect(() => {
    // Ready for the next teammate once a link exists.
    if (created) formRef.current?.reset();
  }, [created, formRef]);

  return (
    <>
      <form ref={formRef} className="form" noValidate onSubmit={onSubmit} onChange={onChange}>
        <FormAlert>{formError}</FormAlert>
        <div className="form__row">
          <EmailField autoComplete="off" className="form__grow" error={fieldErrors.email} />
          <SelectField label="Role" name="role" defaultValue="member" error={fieldErrors.role}>
            {invitableRoles.map((role) => (
              <option key={role} value={role}>
                {roleLabels[role]}
              </option>
            ))}
          </SelectField>
        </div>
        <p className="form__note">
          {roleDescriptions.admin} {roleDescriptions.member}
        </p>
        <div className="form__actions form__actions--start">
          <Button type="submit" icon={<LinkIcon size={18} />} isLoading={createInvitation.isPending}>
            Create invite link
          </Button>
        </div>
      </form>
      {created && <InviteLink key={created.link} invitation={created.invitation} link={created.link} />}
    </>
  );
}
