import { canManageMembers, type Guardrails, type WorkspaceSummary } from '@whathead/contracts';
import { SettingsSection } from '../../../../components/layout/settings-section';
import { Button } from '../../../../components/ui/button';
import { FormAlert } from '../../../../components/ui/form-alert';
import { Spinner } from '../../../../components/ui/spinner';
import { messageForError } from '../../../../lib/error-messages';
import { useActiveWorkspace } from '../../../../lib/session';
import { useGuardrails } from '../../api/publish-guardrails';
import { GuardrailsForm } from './guardrails-form';

/**
 * Settings › Publishing limits: what a publish may do before it waits for a second owner or admin
 * to approve it. Everyone sees the limits (the publish preview names what would be held); owners
 * and admins change them.
 */
export function GuardrailsSection() {
  const workspace = useActiveWorkspace();
  if (!workspace) return null;
  return (
    <SettingsSection
      title="Publishing limits"
      description="A publish that goes beyond these waits until another owner or admin approves it."
    >
      <WorkspaceGuardrails key={workspace.id} workspace={workspace} />
    </SettingsSection>
  );
}

function WorkspaceGuardrails({ workspace }: { workspace: WorkspaceSummary }) {
  const guardrails = useGuardrails(workspace.id);
  if (guardrails.isPending) {
    return (
      <p className="loading-line" role="status">
        <Spinner /> Loading the limits…
      </p>
    );
  }
  if (guardrails.isError) {
    return (
      <div className="stack">
        <FormAlert>{messageForError(guardrails.error)}</FormAlert>
        <div>
          <Button variant="secondary" onClick={() => void guardrails.refetch()}>
            Try again
          </Button>
        </div>
      </div>
    );
  }
  if (canManageMembers(workspace.role)) {
    return <GuardrailsForm workspaceId={workspace.id} saved={guardrails.data} />;
  }
  return <GuardrailsReadOnly guardrails={guardrails.data} />;
}

function GuardrailsReadOnly({ guardrails }: { guardrails: Guardrails }) {
  const { maxAdGroupDailyBudget: daily, maxBudgetIncreasePercent: increase } = guardrails;
  return (
    <div className="stack">
      <dl className="details">
        <div className="details__item">
          <dt>Most an ad group may spend a day</dt>
          <dd>
            {daily === null
              ? 'No limit'
              : `${daily.toLocaleString(undefined, { minimumFractionDigits: 2 })} in the account’s currency`}
          </dd>
        </div>
        <div className="details__item">
          <dt>Most a publish may raise a budget</dt>
          <dd>{increase === null ? 'No limit' : `+${increase.toLocaleString()}%`}</dd>
        </div>
      </dl>
      <p className="notice">Only owners and admins can change the publishing limits.</p>
    </div>
  );
}
