import { Session, tokenOf } from './client';
import { type DemoContext, inParallel } from './context';
import type { PlannedAnswer, PlannedCustomer } from './plan';

const CREATE_SURVEY = `mutation($input: CreateSurveyInput!) { createSurvey(input: $input) { id publicUrl } }`;
const REQUEST = `mutation($input: RequestFeedbackInput!) { requestFeedback(input: $input) { id url } }`;
const SUBMIT = `mutation($token: String!, $input: SubmitFeedbackInput!) { submitFeedback(token: $token, input: $input) }`;

/** Answers are sent a few at a time, each from its own browser. */
const CONCURRENCY = 8;

/**
 * Three surveys and their answers. NPS, attributed: a request to every established customer (tied to
 * their latest contact), most answered through the link's token, some still pending. CES about the
 * website order form, attributed, for customers who ordered online. CSAT at the shop counter,
 * anonymous: answered through the shared link, each answer from a fresh browser (one per device).
 * Low answers close the loop by themselves: friction points for the customer's owner.
 */
export async function seedFeedback(ctx: DemoContext): Promise<void> {
  const owner = ctx.sessions.owner;
  const survey = async (input: Record<string, unknown>) =>
    (await owner.ok<{ createSurvey: { id: string; publicUrl: string | null } }>(CREATE_SURVEY, { input }))
      .createSurvey;
  const nps = await survey({
    name: 'Would you recommend us?',
    type: 'NPS',
    question: 'How likely are you to recommend Crumb & Co. to a friend?',
  });
  const ces = await survey({
    name: 'Ordering online',
    type: 'CES',
    question: 'How easy was it to order on our website?',
    touchpointId: ctx.touchpoints.website,
  });
  const csat = await survey({
    name: 'Counter visit',
    type: 'CSAT',
    question: 'How happy are you with your visit today?',
    touchpointId: ctx.touchpoints.counter,
    anonymous: true,
  });

  type Ask = { surveyId: string; by: PlannedCustomer['by']; answer: PlannedAnswer | null };
  const asksOf = (customer: PlannedCustomer): Ask[] => [
    ...(customer.nps ? [{ surveyId: nps.id, ...customer.nps }] : []),
    ...(customer.ces ? [{ surveyId: ces.id, ...customer.ces }] : []),
  ];
  // Customers in parallel, each one's requests and answers in turn: a customer with two low answers
  // then gets their follow-ups in the same order every run, and seedFriction picks the first ones.
  const answered = await inParallel(ctx.plan.customers, CONCURRENCY, async (customer) => {
    const seeded = ctx.customers[customer.index];
    let count = 0;
    for (const { surveyId, by, answer } of asksOf(customer)) {
      const { requestFeedback } = await ctx.sessions[by].ok<{ requestFeedback: { url: string } }>(REQUEST, {
        input: { surveyId, customerId: seeded?.id, interactionId: seeded?.interactionIds.at(-1) ?? null },
      });
      if (!answer) continue;
      // The customer opens the link on their own phone.
      await new Session(ctx.open()).ok(SUBMIT, { token: tokenOf(requestFeedback.url), input: answer });
      count++;
    }
    return count;
  });
  const asked = ctx.plan.customers.reduce((sum, c) => sum + asksOf(c).length, 0);
  const attributed = answered.reduce<number>((sum, n) => sum + n, 0);

  if (!csat.publicUrl) throw new Error('The anonymous survey has no shared link');
  const shared = tokenOf(csat.publicUrl);
  await inParallel(ctx.plan.counterAnswers, CONCURRENCY, (answer) =>
    new Session(ctx.open()).ok(SUBMIT, { token: shared, input: answer }),
  );
  ctx.log(
    `3 surveys: ${asked} feedback requests (${attributed} answered), ${ctx.plan.counterAnswers.length} anonymous answers at the counter`,
  );
}
