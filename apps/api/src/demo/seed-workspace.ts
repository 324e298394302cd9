import { DemoApiError, type OpenBrowser, Session, tokenOf } from './client';
import {
  BUSINESS_NAME,
  BUSINESS_NAME_WHILE_SEEDING,
  type DemoMember,
  OWNER,
  STAFF,
  TOUCHPOINTS,
  type TouchpointKey,
} from './data';

const ME = `{ me { id workspace { id name feedbackCapDays } } }`;

export type Existing = { state: 'none' } | { state: 'complete' | 'incomplete'; workspaceName: string };

/**
 * Whether the demo is there already: the demo owner can sign in. It is complete once the workspace
 * carries its final name (it is renamed as the very last step of seeding).
 */
export async function findExisting(open: OpenBrowser): Promise<Existing> {
  const session = new Session(open());
  try {
    await signIn(session, OWNER);
  } catch (error) {
    if (error instanceof DemoApiError && error.code === 'UNAUTHENTICATED') return { state: 'none' };
    throw error;
  }
  const { me } = await session.ok<{ me: { workspace: { name: string } } }>(ME);
  const name = me.workspace.name;
  return { state: name === BUSINESS_NAME_WHILE_SEEDING ? 'incomplete' : 'complete', workspaceName: name };
}

async function signIn(session: Session, member: DemoMember) {
  const data = await session.ok<{ signIn: { member: { id: string } } }>(
    `mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { member { id } } }`,
    { email: member.email, password: member.password },
  );
  return data.signIn.member.id;
}

/**
 * The bakery, its owner and its staff member (invited and accepted, like a real hire), and its
 * touchpoints. The feedback cap is lifted while seeding (a customer gets both the NPS and the CES
 * request) and put back by `finishWorkspace`.
 */
export async function setUpWorkspace(open: OpenBrowser) {
  const owner = new Session(open());
  const signedUp = await owner.ok<{ signUp: { member: { id: string; workspace: { id: string } } } }>(
    `mutation($workspaceName: String!, $name: String!, $email: String!, $password: String!) {
      signUp(workspaceName: $workspaceName, name: $name, email: $email, password: $password) {
        member { id workspace { id } }
      }
    }`,
    {
      workspaceName: BUSINESS_NAME_WHILE_SEEDING,
      name: OWNER.name,
      email: OWNER.email,
      password: OWNER.password,
    },
  );
  await owner.ok(`mutation { updateWorkspace(feedbackCapDays: 0) { id } }`);

  const invited = await owner.ok<{ inviteMember: { url: string } }>(
    `mutation($email: String!, $name: String!) { inviteMember(email: $email, name: $name, role: STAFF) { url } }`,
    { email: STAFF.email, name: STAFF.name },
  );
  const staff = new Session(open());
  const accepted = await staff.ok<{ acceptInvitation: { member: { id: string } } }>(
    `mutation($token: String!, $name: String!, $password: String!) {
      acceptInvitation(token: $token, name: $name, password: $password) { member { id } }
    }`,
    { token: tokenOf(invited.inviteMember.url), name: STAFF.name, password: STAFF.password },
  );

  const touchpoints = {} as Record<TouchpointKey, string>;
  for (const { key, ...input } of TOUCHPOINTS) {
    const made = await owner.ok<{ createTouchpoint: { id: string } }>(
      `mutation($input: TouchpointInput!) { createTouchpoint(input: $input) { id } }`,
      { input },
    );
    touchpoints[key] = made.createTouchpoint.id;
  }
  return {
    workspaceId: signedUp.signUp.member.workspace.id,
    sessions: { owner, staff },
    memberIds: { owner: signedUp.signUp.member.id, staff: accepted.acceptInvitation.member.id },
    touchpoints,
  };
}

/** Puts the feedback cap back to its default and gives the workspace its real name: the demo is done. */
export async function finishWorkspace(owner: Session) {
  await owner.ok(`mutation($name: String!) { updateWorkspace(feedbackCapDays: 30, name: $name) { id } }`, {
    name: BUSINESS_NAME,
  });
}
