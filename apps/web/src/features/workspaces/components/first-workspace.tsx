import { DocumentTitle } from '../../../components/ui/document-title';
import { CreateWorkspaceForm } from './create-workspace-form';

/** Shown inside the app when the user belongs to no workspace, e.g. after being removed from their last one. */
export function FirstWorkspace() {
  return (
    <div className="first-workspace">
      <DocumentTitle title="Create a workspace" />
      <h1 className="page-header__title">Create a workspace</h1>
      <p className="page-header__description">
        You’re not a member of any workspace yet. Create one for your team, or ask a teammate to send you an
        invite link.
      </p>
      <div className="card card--padded first-workspace__form">
        <CreateWorkspaceForm />
      </div>
    </div>
  );
}
