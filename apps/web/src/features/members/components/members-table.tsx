import type { Member } from '@whathead/contracts';
import { Avatar } from '../../../components/ui/avatar';
import { Badge } from '../../../components/ui/badge';
import { formatDate } from '../../../lib/format-date';
import { roleLabels } from '../../../lib/role-labels';

interface MembersTableProps {
  members: Member[];
  currentUserId: string | undefined;
  /** Names the table for assistive technology; the section heading already shows it. */
  caption: string;
}

export function MembersTable({ members, currentUserId, caption }: MembersTableProps) {
  return (
    <table className="table table--stacking">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Role</th>
          <th scope="col">Joined</th>
        </tr>
      </thead>
      <tbody>
        {members.map((member) => (
          <tr key={member.userId}>
            <td data-label="Name">
              <span className="person">
                <Avatar name={member.name} />
                <span className="person__name">{member.name}</span>
                {member.userId === currentUserId && <span className="person__you">(you)</span>}
              </span>
            </td>
            <td data-label="Email" className="table__muted">
              {member.email}
            </td>
            <td data-label="Role">
              <Badge tone={member.role === 'owner' ? 'accent' : 'neutral'}>{roleLabels[member.role]}</Badge>
            </td>
            <td data-label="Joined" className="table__muted">
              <time dateTime={member.joinedAt}>{formatDate(member.joinedAt)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
