import { PageHeader } from '@rapport/ui';
import { useIsOwner } from '~/app/session';
import { useDocumentTitle } from '~/app/use-document-title';
import { WorkspaceActivity } from '~/features/history/components/WorkspaceActivity';
import { FeedbackSettings } from '../components/FeedbackSettings';
import { InviteMember } from '../components/InviteMember';
import { MembersList } from '../components/MembersList';
import { PendingInvitations } from '../components/PendingInvitations';
import { WorkspaceSettings } from '../components/WorkspaceSettings';

export function SettingsPage() {
  useDocumentTitle('Settings');
  const isOwner = useIsOwner();
  return (
    <>
      <PageHeader
        title="Settings"
        description="Your workspace, your team, who is invited and, for owners, everything that changed."
      />
      <div className="settings-stack">
        <WorkspaceSettings />
        <FeedbackSettings />
        <MembersList />
        {isOwner && <InviteMember />}
        {isOwner && <PendingInvitations />}
        {isOwner && <WorkspaceActivity />}
      </div>
    </>
  );
}
