/**
 * A workspace with one of everything, built through the API: the fixture of the tenancy,
 * isolation and fuzz suites (each file seeds its own database).
 */
import { addMember, type SignedIn, signUpOwner, type TestApp, uniqueEmail } from './harness';
import type { LinkKind } from './schema-inputs';

export const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
export const CREATE_TOUCHPOINT = `mutation($input: TouchpointInput!) { createTouchpoint(input: $input) { id } }`;
export const FRONT_DESK = { name: 'Front desk', channel: 'STORE', stage: 'BUY' };
export const LOG_INTERACTION = `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`;
export const SCHEDULE_CHECK_IN = `mutation($input: ScheduleCheckInInput!) { scheduleCheckIn(input: $input) { id } }`;
export const interactionInput = (customerId: string, extra: Record<string, unknown> = {}) => ({
  customerId,
  channel: 'PHONE',
  direction: 'OUTBOUND',
  purpose: 'RELATIONSHIP',
  sentiment: 1,
  summary: 'Checked in',
  ...extra,
});
export const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();
export const CREATE_AUDIT = `mutation($input: CreateAuditInput!) { createAudit(input: $input) { id inviteUrl } }`;
export const RECORD_OBSERVATION = `mutation($auditId: ID!, $input: ObservationInput!) {
  recordObservation(auditId: $auditId, input: $input) { id }
}`;
export const SUBMIT_AUDIT = `mutation($id: ID!) { submitAudit(id: $id) { id status } }`;
export const CREATE_SURVEY = `mutation($input: CreateSurveyInput!) { createSurvey(input: $input) { id } }`;
export const REQUEST_FEEDBACK = `mutation($input: RequestFeedbackInput!) { requestFeedback(input: $input) { id url } }`;
export const SUBMIT_FEEDBACK = `mutation($token: String!, $input: SubmitFeedbackInput!) {
  submitFeedback(token: $token, input: $input)
}`;
/** The token a link carries: its last path segment (`/f/<token>`, `/a/<token>`, `/invite/<token>`). */
export const tokenOf = (url: string) => new URL(url).pathname.split('/').pop()!;
export const auditInput = (touchpointId: string, external: boolean) => ({
  title: 'Saturday walk',
  scenario: 'Order a cake by phone',
  touchpointIds: [touchpointId],
  auditorName: 'Alex Auditor',
  external,
});
export const observationInput = (touchpointId: string, rating = 3) => ({
  touchpointId,
  experienced: 'Waited ten minutes',
  surprise: 'LETDOWN',
  friction: 2,
  accuracy: rating,
  availability: rating,
  partnership: rating,
  advice: rating,
  wouldReturn: false,
});

/**
 * Two customers at the ends of what a customer holds: "Ada Lovelace", with every profile field, a
 * STAFF owner and a relationship contact, and "Bare customer", with a name only.
 */
export async function fullAndBareCustomers(t: TestApp, owner: SignedIn) {
  const staff = await addMember(t, owner);
  const input = {
    name: 'Ada Lovelace',
    company: 'Analytical Engines',
    email: 'ada@example.com',
    phone: '+44 20 7946 0000',
    tags: ['vip', 'wholesale'],
    notes: 'Prefers mornings',
    profileFacts: [{ label: 'Goal', value: 'Open a second shop' }],
    ownerId: staff.memberId,
    cadenceDays: 14,
  };
  const fullId: string = (await owner.client.ok(CREATE_CUSTOMER, { input })).createCustomer.id;
  const bareId: string = (await owner.client.ok(CREATE_CUSTOMER, { input: { name: 'Bare customer' } }))
    .createCustomer.id;
  await owner.client.ok(LOG_INTERACTION, {
    input: interactionInput(fullId, { sentiment: 2, summary: 'Thanks for the order' }),
  });
  return { staff, fullId, bareId };
}

/** The ids a workspace hands out (a customer cursor among them), or made-up ones of the same shapes. */
export interface Ids {
  memberId: string;
  customerId: string;
  touchpointId: string;
  interactionId: string;
  checkInId: string;
  cursor: string;
  /** An open audit run by an outsider (it has a link). */
  auditId: string;
  /** The observation of a submitted audit, and the friction point it raised. */
  observationId: string;
  frictionPointId: string;
  /** An attributed survey at the touchpoint, a request of it for the customer, and its answer. */
  surveyId: string;
  requestId: string;
  responseId: string;
}
export interface Tenant extends Ids {
  /** The link of the answered feedback request. */
  feedbackToken: string;
  /** The outsider's link to the open audit. */
  auditToken: string;
  /** The customer not yet asked for feedback. */
  secondCustomerId: string;
  owner: SignedIn;
  staff: SignedIn;
  workspaceId: string;
}

/**
 * A workspace with an owner, a staff member (so an accepted invitation), two customers, a touchpoint,
 * an interaction (sentiment `sentiment`, so the workspaces' health differs), a planned check-in, an
 * open outsider's audit and a submitted one rated `rating` everywhere, whose observation raised a
 * friction point, and an NPS survey at the touchpoint that the customer answered `score` through a
 * request tied to the interaction (a low score raises one more friction point).
 */
export async function seedWorkspace(
  t: TestApp,
  name: string,
  sentiment: number,
  rating: number,
  score: number,
): Promise<Tenant> {
  const owner = await signUpOwner(t, name);
  const staff = await addMember(t, owner);
  const create = async (customer: string) => {
    const input = { name: customer, ownerId: staff.memberId, tags: ['vip'] };
    return (await owner.client.ok(CREATE_CUSTOMER, { input })).createCustomer.id as string;
  };
  const customerId = await create(`${name} first client`);
  const secondCustomerId = await create(`${name} second client`);
  const touchpoint = await owner.client.ok(CREATE_TOUCHPOINT, {
    input: { ...FRONT_DESK, name: `${name} front desk` },
  });
  const page = await owner.client.ok('{ customers(first: 1) { pageInfo { endCursor } } }');
  const interaction = await staff.client.ok(LOG_INTERACTION, {
    input: interactionInput(customerId, {
      touchpointId: touchpoint.createTouchpoint.id,
      channel: undefined,
      sentiment,
      purpose: sentiment < 0 ? 'SALES' : 'RELATIONSHIP',
      idempotencyKey: `${name} contact`,
    }),
  });
  const checkIn = await owner.client.ok(SCHEDULE_CHECK_IN, {
    input: { customerId, assigneeId: staff.memberId, dueAt: tomorrow(), note: `${name} call` },
  });
  const touchpointId = touchpoint.createTouchpoint.id as string;
  const open = await owner.client.ok(CREATE_AUDIT, { input: auditInput(touchpointId, true) });
  const closed = await staff.client.ok(CREATE_AUDIT, { input: auditInput(touchpointId, false) });
  const observation = await staff.client.ok(RECORD_OBSERVATION, {
    auditId: closed.createAudit.id,
    input: observationInput(touchpointId, rating),
  });
  await staff.client.ok(SUBMIT_AUDIT, { id: closed.createAudit.id });
  const raised = await owner.client.ok('{ frictionPoints { id } }');
  const survey = await owner.client.ok(CREATE_SURVEY, {
    input: { name: `${name} visit`, type: 'NPS', question: 'Would you recommend us?', touchpointId },
  });
  const requested = await staff.client.ok(REQUEST_FEEDBACK, {
    input: {
      surveyId: survey.createSurvey.id,
      customerId,
      interactionId: interaction.logInteraction.id,
    },
  });
  const feedbackToken = tokenOf(requested.requestFeedback.url);
  await t.client().ok(SUBMIT_FEEDBACK, { token: feedbackToken, input: { score, comment: `${name} says` } });
  const answered = await owner.client.ok('{ feedbackResponses { id } }');
  // A snapshot of yesterday, which the owner's health trend sums into health_days.
  await t.admin.query(
    `insert into health_snapshots (workspace_id, customer_id, day, score, band)
     values ($1, $2, (now() at time zone 'UTC')::date - 1, 60, 'WATCH')`,
    [owner.workspaceId, customerId],
  );
  await owner.client.ok('{ healthTrend(days: 2) { day } }');
  // And a counted day of the staff member's contacts (as the contact mix leaves after closing a day).
  await t.admin.query(
    `insert into contact_days (workspace_id, day, member_id, relationship, total)
     values ($1, (now() at time zone 'UTC')::date - 2, $2, 1, 1)`,
    [owner.workspaceId, staff.memberId],
  );
  return {
    owner,
    staff,
    workspaceId: owner.workspaceId,
    auditId: open.createAudit.id,
    observationId: observation.recordObservation.id,
    frictionPointId: raised.frictionPoints[0].id,
    memberId: staff.memberId,
    customerId,
    touchpointId: touchpoint.createTouchpoint.id,
    interactionId: interaction.logInteraction.id,
    checkInId: checkIn.scheduleCheckIn.id,
    cursor: page.customers.pageInfo.endCursor,
    surveyId: survey.createSurvey.id,
    requestId: requested.requestFeedback.id,
    responseId: answered.feedbackResponses[0].id,
    feedbackToken,
    auditToken: tokenOf(open.createAudit.inviteUrl),
    secondCustomerId,
  };
}

/** A workspace's live links, one of each kind, as their holders (invitee, auditor, customer) have them. */
export type Links = Record<LinkKind, string>;

/**
 * Adds to a seeded workspace what its links lead to: a pending invitation, a feedback request for
 * the customer not yet asked, and an anonymous survey's shared link (the audit link is seeded).
 */
export async function seedLinks(tenant: Tenant): Promise<Links> {
  const { client } = tenant.owner;
  const invited = await client.ok(
    'mutation($email: String!) { inviteMember(email: $email, name: "Ivy Invitee", role: STAFF) { url } }',
    { email: uniqueEmail('invitee') },
  );
  const requested = await client.ok(REQUEST_FEEDBACK, {
    input: { surveyId: tenant.surveyId, customerId: tenant.secondCustomerId },
  });
  const survey = await client.ok(
    `mutation($input: CreateSurveyInput!) { createSurvey(input: $input) { publicUrl } }`,
    { input: { name: 'At the counter', type: 'CSAT', question: 'How was it?', anonymous: true } },
  );
  return {
    invitation: tokenOf(invited.inviteMember.url),
    audit: tenant.auditToken,
    feedback: tokenOf(requested.requestFeedback.url),
    survey: tokenOf(survey.createSurvey.publicUrl),
  };
}

/** A seeded workspace's ids by what they name, as `refOf` calls it (`ownerId` → a member). */
export const idsOf = (tenant: Tenant): Record<string, string> => ({
  audit: tenant.auditId,
  checkIn: tenant.checkInId,
  customer: tenant.customerId,
  frictionPoint: tenant.frictionPointId,
  interaction: tenant.interactionId,
  member: tenant.memberId,
  survey: tenant.surveyId,
  touchpoint: tenant.touchpointId,
});
