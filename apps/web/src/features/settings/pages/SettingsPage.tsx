import { PageHeader } from '@rapport/ui';
import { useIsOwner } from '~/app/session';
import { useDocumentTitle } from '~/app/use-document-title';
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
      <PageHeader title="Settings" description="Your workspace, your team and who is invited." />
      <div className="settings-stack">
        <WorkspaceSettings />
        <FeedbackSettings />
        <MembersList />
        {isOwner && <InviteMember />}
        {isOwner && <PendingInvitations />}
      </div>
    </>
  );
}
