import { SelectField } from '../../../components/ui/select-field';
import { messageForError } from '../../../lib/error-messages';
import { useSession } from '../../../lib/session';
import { useSwitchWorkspace } from '../api/switch-workspace';

/** A native select of the user's workspaces; choosing one makes it active at once. */
export function WorkspaceSwitcher() {
  const { workspaces, activeWorkspaceId } = useSession();
  const switchWorkspace = useSwitchWorkspace();

  return (
    <div className="workspace-switcher">
      <SelectField
        label="Workspace"
        inline
        value={switchWorkspace.isPending ? switchWorkspace.variables.workspaceId : (activeWorkspaceId ?? '')}
        disabled={switchWorkspace.isPending}
        onChange={(event) => switchWorkspace.mutate({ workspaceId: event.target.value })}
      >
        {workspaces.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.name}
          </option>
        ))}
      </SelectField>
      {switchWorkspace.isError && (
        <p className="workspace-switcher__error" role="alert">
          {messageForError(switchWorkspace.error)}
        </p>
      )}
    </div>
  );
}
