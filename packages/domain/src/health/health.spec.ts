import type { InteractionPurpose, SurveyType } from '../enums';
import {
  bandOf,
  DEFAULT_HEALTH_MODEL,
  type HealthFactorKey,
  type HealthFacts,
  type HealthModel,
  health,
  healthModelSchema,
  isCheckInOverdue,
  lastRelationshipContactAt,
  nextCheckInDueAt,
  type RelationshipHealth,
} from './index';

const DAY = 86_400_000;
const ASOF = new Date('2025-06-01T12:00:00.000Z');
/** An instant `days` before ASOF (negative: after it). */
const ago = (days: number) => new Date(ASOF.getTime() - days * DAY);

const contact = (purpose: InteractionPurpose, daysAgo: number, sentiment = 0) => ({
  occurredAt: ago(daysAgo),
  purpose,
  sentiment,
});
const rel = (daysAgo: number, sentiment = 0) => contact('RELATIONSHIP', daysAgo, sentiment);
const sales = (daysAgo: number, sentiment = 0) => contact('SALES', daysAgo, sentiment);
const answer = (surveyType: SurveyType, score: number, daysAgo: number) => ({
  answeredAt: ago(daysAgo),
  surveyType,
  score,
});
const friction = (raisedDaysAgo: number, resolvedDaysAgo: number | null = null) => ({
  raisedAt: ago(raisedDaysAgo),
  resolvedAt: resolvedDaysAgo === null ? null : ago(resolvedDaysAgo),
});
const openFriction = (n: number) => Array.from({ length: n }, () => friction(3));

/** A customer of a year, 30-day cadence, with no history unless given. */
const facts = (over: Partial<HealthFacts> = {}): HealthFacts => ({
  createdAt: ago(365),
  cadenceDays: 30,
  interactions: [],
  feedback: [],
  frictionPoints: [],
  ...over,
});
/** A customer created 10 days ago: every factor neutral (0.5) until something happens. */
const newCustomer = (over: Partial<HealthFacts> = {}) => facts({ createdAt: ago(10), ...over });

/** A deep copy with fresh Date objects (structuredClone is not in this package's type libs). */
const cloneFacts = (f: HealthFacts): HealthFacts => ({
  createdAt: new Date(f.createdAt),
  cadenceDays: f.cadenceDays,
  interactions: f.interactions.map((i) => ({ ...i, occurredAt: new Date(i.occurredAt) })),
  feedback: f.feedback.map((a) => ({ ...a, answeredAt: new Date(a.answeredAt) })),
  frictionPoints: f.frictionPoints.map((p) => ({
    raisedAt: new Date(p.raisedAt),
    resolvedAt: p.resolvedAt === null ? null : new Date(p.resolvedAt),
  })),
});

const factor = (h: RelationshipHealth, key: HealthFactorKey) => h.factors.find((f) => f.key === key)!;

describe('DEFAULT_HEALTH_MODEL', () => {
  it('holds the weights, bands, penalty and windows of PRODUCT.md', () => {
    expect(DEFAULT_HEALTH_MODEL).toEqual({
      weights: { recency: 35, balance: 15, sentiment: 25, feedback: 25 },
      bands: { healthy: 70, watch: 40 },
      frictionPenaltyPerPoint: 5,
      maxFrictionPenalty: 15,
      noDataFactor: 0.5,
      recency: { fullWithinCadences: 1, zeroAtCadences: 3 },
      balance: { lastInteractions: 10, targetShare: 0.5 },
      sentiment: { windowDays: 90, halfLifeDays: 30 },
      feedback: { windowDays: 180 },
      trendDays: 30,
      negligibleLossPoints: 5,
    });
  });

  it('is valid against healthModelSchema and frozen', () => {
    expect(healthModelSchema.safeParse(DEFAULT_HEALTH_MODEL).success).toBe(true);
    expect(Object.isFrozen(DEFAULT_HEALTH_MODEL.weights)).toBe(true);
    expect(() => {
      (DEFAULT_HEALTH_MODEL.weights as { recency: number }).recency = 1;
    }).toThrow(TypeError);
  });

  it.each([
    ['all weights zero', { weights: { recency: 0, balance: 0, sentiment: 0, feedback: 0 } }],
    ['a negative weight', { weights: { ...DEFAULT_HEALTH_MODEL.weights, balance: -1 } }],
    ['watch above healthy', { bands: { healthy: 40, watch: 70 } }],
    [
      'recency reaching zero before it stops being full',
      { recency: { fullWithinCadences: 2, zeroAtCadences: 1 } },
    ],
  ])('the schema rejects %s', (_case, change) => {
    expect(healthModelSchema.safeParse({ ...DEFAULT_HEALTH_MODEL, ...change }).success).toBe(false);
  });
});

describe('recency', () => {
  // Each case has one relationship contact of sentiment 0, so balance = 1 (15 points),
  // sentiment = 0.5 (12.5) while it is within 90 days, and feedback = 0.5 (12.5).
  it.each([
    {
      days: 30,
      value: 1,
      score: 75,
      explanation: 'Last non-sales contact 30 days ago, within the 30-day cadence',
    },
    {
      days: 45,
      value: 0.75,
      score: 66,
      explanation: 'No non-sales contact in 45 days — 1.5× the 30-day cadence',
    },
    {
      days: 60,
      value: 0.5,
      score: 58,
      explanation: 'No non-sales contact in 60 days — 2× the 30-day cadence',
    },
    {
      days: 74,
      value: 0.26667,
      score: 49,
      explanation: 'No non-sales contact in 74 days — 2.5× the 30-day cadence',
    },
    { days: 90, value: 0, score: 40, explanation: 'No non-sales contact in 90 days — 3× the 30-day cadence' },
    {
      days: 120,
      value: 0,
      score: 40,
      explanation: 'No non-sales contact in 120 days — 4× the 30-day cadence',
    },
  ])(
    'last relationship contact $days days ago: $value → score $score',
    ({ days, value, score, explanation }) => {
      const h = health(facts({ interactions: [rel(days)] }), ASOF);
      expect(factor(h, 'recency').value).toBeCloseTo(value, 5);
      expect(factor(h, 'recency').explanation).toBe(explanation);
      expect(h.score).toBe(score);
    },
  );

  it('gives 35 points at r ≤ 1 and 9.3 (rounded for display) at 74 days', () => {
    expect(factor(health(facts({ interactions: [rel(30)] }), ASOF), 'recency').points).toBe(35);
    expect(factor(health(facts({ interactions: [rel(74)] }), ASOF), 'recency').points).toBe(9.3);
  });

  it('counts fractional days: an hour past the cadence is already below 1', () => {
    const h = health(facts({ interactions: [rel(30 + 1 / 24)] }), ASOF);
    // r = 30.041667 / 30 = 1.0013889 → (3 − r) / 2 = 0.9993056
    expect(factor(h, 'recency').value).toBeCloseTo(0.9993056, 6);
    expect(factor(h, 'recency').explanation).toBe('No non-sales contact in 30 days — 1× the 30-day cadence');
  });

  it('uses the customer cadence: 10 days at a 7-day cadence is r = 10/7 → 11/14', () => {
    const h = health(facts({ cadenceDays: 7, interactions: [rel(10)] }), ASOF);
    expect(factor(h, 'recency').value).toBeCloseTo(11 / 14, 10);
    expect(factor(h, 'recency').explanation).toBe('No non-sales contact in 10 days — 1.4× the 7-day cadence');
  });

  it('takes the latest relationship contact and ignores sales, service and support contacts', () => {
    const h = health(
      facts({ interactions: [rel(80), sales(1), contact('SERVICE', 2), contact('SUPPORT', 3), rel(60)] }),
      ASOF,
    );
    expect(factor(h, 'recency').value).toBeCloseTo(0.5, 10);
  });

  it('is neutral (0.5) for a customer never contacted and younger than one cadence', () => {
    const h = health(facts({ createdAt: ago(29.9) }), ASOF);
    expect(factor(h, 'recency')).toEqual({
      key: 'recency',
      value: 0.5,
      points: 17.5,
      explanation: 'No non-sales contact yet; the customer is new',
    });
    expect(h.score).toBe(50);
  });

  it('is 0 for a customer never contacted once they are one cadence old', () => {
    // 0 + balance 7.5 + sentiment 12.5 + feedback 12.5 = 32.5 → rounds half up to 33
    const h = health(facts({ createdAt: ago(30) }), ASOF);
    expect(factor(h, 'recency').value).toBe(0);
    expect(factor(h, 'recency').explanation).toBe(
      'No non-sales contact since the customer was added 30 days ago',
    );
    expect(h.score).toBe(33);
    expect(h.band).toBe('AT_RISK');
  });

  it('ignores a relationship contact dated after asOf', () => {
    const h = health(facts({ interactions: [rel(-1, 2)] }), ASOF);
    expect(factor(h, 'recency').value).toBe(0);
    expect(factor(h, 'balance').explanation).toBe('No contacts logged yet');
  });
});

describe('balance', () => {
  // A young customer, so recency stays neutral whatever the contacts are.
  const balanceOf = (interactions: HealthFacts['interactions']) =>
    factor(health(newCustomer({ interactions }), ASOF), 'balance');

  it('is neutral (0.5, 7.5 points) with no interactions', () => {
    expect(balanceOf([])).toEqual({
      key: 'balance',
      value: 0.5,
      points: 7.5,
      explanation: 'No contacts logged yet',
    });
  });

  it('1 of 3 is a share of 1/3 → 2/3 (10 points)', () => {
    const b = balanceOf([sales(1), sales(2), rel(3)]);
    expect(b.value).toBeCloseTo(2 / 3, 10);
    expect(b.points).toBe(10);
    expect(b.explanation).toBe('1 of the last 3 contacts was non-sales');
  });

  it('2 of 5 is a share of 0.4 → 0.8 (12 points)', () => {
    const b = balanceOf([rel(1), sales(2), contact('SUPPORT', 3), rel(4), contact('SERVICE', 5)]);
    expect(b.value).toBeCloseTo(0.8, 10);
    expect(b.points).toBe(12);
    expect(b.explanation).toBe('2 of the last 5 contacts were non-sales');
  });

  it('half of the last 10 is full marks, and more is still 1', () => {
    const five = [1, 2, 3, 4, 5].map((d) => rel(d));
    const others = [6, 7, 8, 9, 10].map((d) => sales(d));
    expect(balanceOf([...five, ...others]).value).toBe(1);
    expect(balanceOf([...five, ...others]).explanation).toBe('5 of the last 10 contacts were non-sales');
    expect(balanceOf([...five, rel(6), ...others.slice(1)]).value).toBe(1);
  });

  it('looks at the last 10 only: 12 contacts, the 2 oldest of them check-ins, count 3 of 10 → 0.6', () => {
    const b = balanceOf([
      rel(11),
      rel(12),
      rel(2),
      rel(5),
      rel(9),
      ...[1, 3, 4, 6, 7, 8, 10].map((d) => sales(d)),
    ]);
    expect(b.value).toBeCloseTo(0.6, 10);
    expect(b.explanation).toBe('3 of the last 10 contacts were non-sales');
  });

  it('no relationship contact among them is 0', () => {
    expect(balanceOf([sales(1), contact('SUPPORT', 2)]).value).toBe(0);
  });

  it('names the only contact there is', () => {
    expect(balanceOf([contact('SUPPORT', 1)]).explanation).toBe('The only contact so far was support');
    expect(balanceOf([rel(1)]).explanation).toBe('The only contact so far was non-sales');
  });

  it('orders by occurredAt, not by list order, and breaks a tie at the cut-off in favour of the check-in', () => {
    // 10 sales contacts on days 1..10, and a check-in at the same instant as the 10th
    const list = [rel(10), ...[10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((d) => sales(d))];
    expect(balanceOf(list).explanation).toBe('1 of the last 10 contacts was non-sales');
    expect(balanceOf([...list].reverse())).toEqual(balanceOf(list));
  });
});

describe('sentiment', () => {
  const sentimentOf = (interactions: HealthFacts['interactions']) =>
    factor(health(newCustomer({ interactions }), ASOF), 'sentiment');

  it('one +2 contact today: mean +2 → 1', () => {
    expect(sentimentOf([rel(0, 2)])).toEqual({
      key: 'sentiment',
      value: 1,
      points: 25,
      explanation: 'Recent contacts felt positive (average +2.0 over 90 days)',
    });
  });

  it('+2 today (weight 1) and −2 at 30 days (weight 0.5): mean (2 − 1) / 1.5 = 0.667 → 0.667', () => {
    const s = sentimentOf([sales(30, -2), rel(0, 2)]);
    expect(s.value).toBeCloseTo((2 / 3 + 2) / 4, 10);
    expect(s.points).toBe(16.7);
    expect(s.explanation).toBe('Recent contacts felt positive (average +0.7 over 90 days)');
  });

  it('+1 today (weight 1) and −1 at 60 days (weight 0.25): mean 0.75 / 1.25 = 0.6 → 0.65', () => {
    const s = sentimentOf([rel(0, 1), sales(60, -1)]);
    expect(s.value).toBeCloseTo(0.65, 10);
    expect(s.explanation).toBe('Recent contacts felt positive (average +0.6 over 90 days)');
  });

  it('−2 today and −1 at 30 days: mean −2.5 / 1.5 = −1.667 → 0.083', () => {
    const s = sentimentOf([rel(0, -2), sales(30, -1)]);
    expect(s.value).toBeCloseTo(1 / 12, 10);
    expect(s.explanation).toBe('Recent contacts felt negative (average −1.7 over 90 days)');
  });

  it('a mean of 0 is neutral and worth 0.5', () => {
    expect(sentimentOf([rel(0, 1), sales(0, -1)])).toMatchObject({
      value: 0.5,
      explanation: 'Recent contacts felt neutral (average 0.0 over 90 days)',
    });
  });

  it('includes a contact exactly 90 days old (weight 0.125) and drops it a minute later', () => {
    // (2 − 2 × 0.125) / 1.125 = 1.5556 → 0.8889
    expect(sentimentOf([rel(0, 2), sales(90, -2)]).value).toBeCloseTo((1.75 / 1.125 + 2) / 4, 10);
    expect(sentimentOf([rel(0, 2), sales(90 + 1 / 1440, -2)]).value).toBe(1);
  });

  it('is neutral (0.5) with no contact in the last 90 days', () => {
    expect(sentimentOf([rel(91, -2)])).toMatchObject({
      value: 0.5,
      explanation: 'No contacts in the last 90 days to gauge sentiment',
    });
  });

  it('ignores contacts after asOf', () => {
    expect(sentimentOf([rel(0, 2), sales(-1, -2)]).value).toBe(1);
  });
});

describe('feedback', () => {
  const feedbackOf = (feedback: HealthFacts['feedback']) =>
    factor(health(newCustomer({ feedback }), ASOF), 'feedback');

  it.each([
    ['NPS', 0, 0, 'NPS 0/10'],
    ['NPS', 9, 0.9, 'NPS 9/10'],
    ['NPS', 10, 1, 'NPS 10/10'],
    ['CSAT', 1, 0, 'CSAT 1/5'],
    ['CSAT', 4, 0.75, 'CSAT 4/5'],
    ['CSAT', 5, 1, 'CSAT 5/5'],
    ['CES', 1, 0, 'CES 1/7'],
    ['CES', 5, 2 / 3, 'CES 5/7'],
    ['CES', 7, 1, 'CES 7/7'],
  ] as const)('%s %i → %d', (type, score, value, text) => {
    const f = feedbackOf([answer(type, score, 12)]);
    expect(f.value).toBeCloseTo(value, 10);
    expect(f.explanation).toBe(`Latest feedback: ${text}, 12 days ago`);
  });

  it('gives NPS 9 22.5 points, and says "today" and "1 day ago"', () => {
    expect(feedbackOf([answer('NPS', 9, 0)])).toEqual({
      key: 'feedback',
      value: 0.9,
      points: 22.5,
      explanation: 'Latest feedback: NPS 9/10, today',
    });
    expect(feedbackOf([answer('CSAT', 4, 1.5)]).explanation).toBe('Latest feedback: CSAT 4/5, 1 day ago');
  });

  it('counts an answer exactly 180 days old and ignores one older', () => {
    expect(feedbackOf([answer('NPS', 2, 180)]).value).toBeCloseTo(0.2, 10);
    expect(feedbackOf([answer('NPS', 2, 180.001)])).toEqual({
      key: 'feedback',
      value: 0.5,
      points: 12.5,
      explanation: 'No feedback in the last 180 days',
    });
  });

  it('the latest answer wins, whatever the list order and whether it is better or worse', () => {
    expect(feedbackOf([answer('NPS', 2, 100), answer('CSAT', 5, 10)]).value).toBe(1);
    expect(feedbackOf([answer('CSAT', 5, 10), answer('NPS', 2, 100)]).value).toBe(1);
    expect(feedbackOf([answer('NPS', 10, 50), answer('NPS', 2, 5)]).value).toBeCloseTo(0.2, 10);
  });

  it('reads two answers given at the same instant cautiously (the lower one)', () => {
    expect(feedbackOf([answer('NPS', 10, 5), answer('CES', 3, 5)]).explanation).toBe(
      'Latest feedback: CES 3/7, 5 days ago',
    );
  });

  it('ignores an answer given after asOf', () => {
    expect(feedbackOf([answer('NPS', 9, 3), answer('NPS', 0, -1)]).value).toBeCloseTo(0.9, 10);
  });
});

describe('friction', () => {
  // A new customer with no facts scores 50 before friction.
  it.each([
    [0, 50, 'WATCH', 'No open friction points'],
    [1, 45, 'WATCH', '1 open friction point (−5)'],
    [2, 40, 'WATCH', '2 open friction points (−10)'],
    [3, 35, 'AT_RISK', '3 open friction points (−15)'],
    [4, 35, 'AT_RISK', '4 open friction points (−15, capped)'],
  ])('%i open → score %i (%s)', (open, score, band, explanation) => {
    const h = health(newCustomer({ frictionPoints: openFriction(open) }), ASOF);
    expect(h.score).toBe(score);
    expect(h.band).toBe(band);
    expect(factor(h, 'friction')).toEqual({
      key: 'friction',
      value: open,
      points: 0 - Math.min(15, 5 * open),
      explanation,
    });
  });

  it('reports 0 points, not −0, with no friction', () => {
    expect(Object.is(factor(health(newCustomer(), ASOF), 'friction').points, 0)).toBe(true);
  });

  it('counts a point open at asOf: raised by then, not resolved by then', () => {
    const h = health(
      newCustomer({
        frictionPoints: [
          friction(20, 10), // resolved before asOf
          friction(20, 0), // resolved exactly at asOf: no longer open
          friction(-1), // raised after asOf
          friction(20, -1), // resolved only after asOf: still open at asOf
          friction(0), // raised exactly at asOf
        ],
      }),
      ASOF,
    );
    expect(factor(h, 'friction').value).toBe(2);
    expect(h.score).toBe(40);
  });
});

describe('score', () => {
  it('rounds the weighted sum half up: 57.5 → 58 and 32.5 → 33', () => {
    expect(health(facts({ interactions: [rel(60)] }), ASOF).score).toBe(58);
    expect(health(facts({ createdAt: ago(40) }), ASOF).score).toBe(33);
  });

  it('does not let float noise lose a half point (47.49999999999999 is 47.5 → 48)', () => {
    // recency 35 × 11/14 = 27.5; balance 15 × (1/9 ÷ 0.5) = 3.333; sentiment 12.5; CES 2: 25 × 1/6 = 4.167
    const h = health(
      facts({
        cadenceDays: 7,
        interactions: [rel(10), ...[1, 2, 3, 4, 5, 6, 7, 8].map((d) => sales(d))],
        feedback: [answer('CES', 2, 1)],
      }),
      ASOF,
    );
    expect(h.factors.map((f) => f.points)).toEqual([27.5, 3.3, 12.5, 4.2, 0]);
    expect(h.score).toBe(48);
  });

  it('clamps at 0: a base of 5 with 3 open friction points is 0, not −10', () => {
    // recency 0 (never contacted), balance 0, sentiment 0 (all −2), NPS 2 → 5 points
    const base = facts({
      interactions: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((d) => sales(d, -2)),
      feedback: [answer('NPS', 2, 1)],
    });
    expect(health(base, ASOF).score).toBe(5);
    expect(health({ ...base, frictionPoints: openFriction(3) }, ASOF).score).toBe(0);
  });

  it('is 100 when every factor is full', () => {
    const h = health(facts({ interactions: [rel(1, 2)], feedback: [answer('NPS', 10, 1)] }), ASOF);
    expect(h.score).toBe(100);
    expect(h.factors.map((f) => f.points)).toEqual([35, 15, 25, 25, 0]);
  });
});

describe('bands', () => {
  it.each([
    [100, 'HEALTHY'],
    [70, 'HEALTHY'],
    [69, 'WATCH'],
    [40, 'WATCH'],
    [39, 'AT_RISK'],
    [0, 'AT_RISK'],
  ])('bandOf(%i) is %s', (score, band) => {
    expect(bandOf(score)).toBe(band);
    expect(bandOf(score, DEFAULT_HEALTH_MODEL)).toBe(band);
  });

  it('takes its limits from the model', () => {
    expect(bandOf(60, { bands: { healthy: 60, watch: 30 } })).toBe('HEALTHY');
    expect(bandOf(29, { bands: { healthy: 60, watch: 30 } })).toBe('AT_RISK');
  });

  // Contacted today with sentiment 0: 35 + 15 + 12.5 = 62.5 before feedback.
  const contacted = (feedback: HealthFacts['feedback']) => facts({ interactions: [rel(0)], feedback });
  // Never contacted, a year old, no interactions: 0 + 7.5 + 12.5 = 20 before feedback.
  const neglected = (feedback: HealthFacts['feedback']) => facts({ feedback });

  it.each([
    ['62.5 + NPS 3 (7.5) = 70', contacted([answer('NPS', 3, 1)]), 70, 'HEALTHY'],
    ['62.5 + CSAT 2 (6.25) = 68.75', contacted([answer('CSAT', 2, 1)]), 69, 'WATCH'],
    ['20 + NPS 8 (20) = 40', neglected([answer('NPS', 8, 1)]), 40, 'WATCH'],
    ['20 + CSAT 4 (18.75) = 38.75', neglected([answer('CSAT', 4, 1)]), 39, 'AT_RISK'],
  ])('%s', (_case, input, score, band) => {
    const h = health(input, ASOF);
    expect(h.score).toBe(score);
    expect(h.band).toBe(band);
  });
});

describe('a model other than the default', () => {
  it('uses its weights, penalty and windows', () => {
    const model: HealthModel = {
      ...DEFAULT_HEALTH_MODEL,
      weights: { recency: 1, balance: 0, sentiment: 0, feedback: 0 },
      frictionPenaltyPerPoint: 10,
      maxFrictionPenalty: 20,
      trendDays: 7,
    };
    const h = health(facts({ interactions: [rel(60)], frictionPoints: openFriction(3) }), ASOF, model);
    // recency alone: r = 2 → 0.5 → 50; 3 open friction points at 10 each, capped at 20
    expect(h.score).toBe(30);
    expect(factor(h, 'recency').points).toBe(50);
    expect(factor(h, 'balance').points).toBe(0);
    expect(factor(h, 'friction')).toMatchObject({
      points: -20,
      explanation: '3 open friction points (−20, capped)',
    });
    // 7 days earlier: r = 53/30 → (3 − 1.7667) / 2 = 0.6167 → 62; friction raised 3 days ago was not there yet
    expect(h.trend).toBe(30 - 62);
  });
});

describe('trend', () => {
  it('compares with the score from the facts as they stood 30 days earlier', () => {
    const h = health(
      facts({
        createdAt: ago(200),
        interactions: [rel(40, 2)],
        feedback: [answer('NPS', 9, 5)],
        frictionPoints: [friction(50, 10)],
      }),
      ASOF,
    );
    // now: recency r = 40/30 → 0.8333 (29.17) + balance 15 + sentiment 25 + NPS 9 (22.5) = 91.67 → 92;
    //      the friction point is resolved.
    // 30 days earlier: contact 10 days before (35) + 15 + 25 + no feedback yet (12.5) = 87.5 → 88,
    //      minus the friction point still open then (resolved 20 days later): 83.
    expect(h.score).toBe(92);
    expect(h.trend).toBe(9);
  });

  it('is negative when a check-in is slipping', () => {
    // now: r = 50/30 → 0.6667 (23.33) + 15 + 12.5 + 12.5 = 63.3 → 63; then: r = 20/30 → 1 → 75
    const h = health(facts({ interactions: [rel(50)] }), ASOF);
    expect(h.score).toBe(63);
    expect(h.trend).toBe(-12);
  });

  it('counts a contact logged between the two dates only now', () => {
    // now: 100 (contact 2 days ago, +2, NPS 10 long ago counted both times)
    // then: no contact ever, customer 335 days old → recency 0, balance 7.5, sentiment 12.5, NPS 10 → 45
    const h = health(facts({ interactions: [rel(2, 2)], feedback: [answer('NPS', 10, 31)] }), ASOF);
    expect(h.score).toBe(100);
    expect(h.trend).toBe(55);
  });

  it('scores a customer created less than 30 days ago as "new, no facts" (50) at the earlier date', () => {
    // The spec's formula taken literally: 100 now − 50 then.
    const h = health(newCustomer({ interactions: [rel(2, 2)], feedback: [answer('NPS', 10, 1)] }), ASOF);
    expect(h.score).toBe(100);
    expect(h.trend).toBe(50);
  });

  it('is 0 when nothing changed', () => {
    expect(health(newCustomer(), ASOF).trend).toBe(0);
  });
});

describe('next best action', () => {
  const action = (input: HealthFacts) => health(input, ASOF).nextBestAction;
  const perfectFeedback = [answer('NPS', 10, 1)];

  it('asks for a check-in when recency loses the most', () => {
    expect(action(facts({ interactions: [rel(74, 2)], feedback: perfectFeedback }))).toBe(
      'Check in: no non-sales contact in 74 days',
    );
    expect(action(facts())).toBe('Check in: no non-sales contact since the customer was added 365 days ago');
    expect(action(newCustomer())).toBe('Check in: no non-sales contact yet');
  });

  it('names the run of sales contacts since the last check-in when balance loses the most', () => {
    // balance 1 of 5 → 0.4, loses 9 points; everything else full
    const input = facts({
      interactions: [rel(20, 2), ...[1, 2, 3, 4].map((d) => sales(d, 2))],
      feedback: perfectFeedback,
    });
    expect(health(input, ASOF).score).toBe(91);
    expect(action(input)).toBe('Check in: last 4 contacts were sales');
  });

  it('lists the kinds of contact in the run, and the single last one', () => {
    expect(
      action(
        facts({
          interactions: [rel(20, 2), sales(3, 2), contact('SUPPORT', 2, 2), contact('SUPPORT', 1, 2)],
          feedback: perfectFeedback,
        }),
      ),
    ).toBe('Check in: last 3 contacts were sales or support');
    expect(
      action(
        facts({
          interactions: [contact('SERVICE', 1, 2), rel(2, 2), sales(3, 2), sales(4, 2)],
          feedback: perfectFeedback,
        }),
      ),
    ).toBe('Check in: the last contact was service');
  });

  it('asks for more check-ins when the latest contact is one but the mix is still thin', () => {
    const input = facts({
      interactions: [rel(1, 2), ...[2, 3, 4, 5, 6, 7, 8, 9, 10].map((d) => sales(d, 2))],
      feedback: perfectFeedback,
    });
    expect(action(input)).toBe('Plan more non-sales contacts: 1 of the last 10 was');
  });

  it('addresses negative sentiment', () => {
    expect(action(facts({ interactions: [rel(1, -2)], feedback: perfectFeedback }))).toBe(
      'Repair the relationship: recent contacts felt negative (average −2.0)',
    );
  });

  it('asks to reach out when there has been no contact for 90 days but the cadence is longer', () => {
    expect(action(facts({ cadenceDays: 120, interactions: [rel(100, 2)], feedback: perfectFeedback }))).toBe(
      'Reach out: no contacts in the last 90 days',
    );
  });

  it('asks for feedback when there is none', () => {
    expect(action(facts({ interactions: [rel(1, 2)] }))).toBe('Ask for feedback: none in 180 days');
  });

  it('follows up on a low answer, and on a middling one', () => {
    expect(action(facts({ interactions: [rel(1, 2)], feedback: [answer('NPS', 4, 3)] }))).toBe(
      'Follow up on the low NPS answer (4/10)',
    );
    expect(action(facts({ interactions: [rel(1, 2)], feedback: [answer('CSAT', 2, 3)] }))).toBe(
      'Follow up on the low CSAT answer (2/5)',
    );
    expect(action(facts({ interactions: [rel(1, 2)], feedback: [answer('NPS', 7, 3)] }))).toBe(
      'Follow up on the NPS answer (7/10)',
    );
  });

  it('asks to resolve friction when it costs the most', () => {
    const healthy = { interactions: [rel(1, 2)], feedback: perfectFeedback };
    expect(action(facts({ ...healthy, frictionPoints: openFriction(2) }))).toBe(
      'Resolve 2 open friction points',
    );
    expect(action(facts({ ...healthy, frictionPoints: openFriction(1) }))).toBe(
      'Resolve the open friction point',
    );
  });

  it('breaks a tie in factor order: NPS 6 and 2 friction points both cost 10, feedback comes first', () => {
    const input = facts({
      interactions: [rel(1, 2)],
      feedback: [answer('NPS', 6, 1)],
      frictionPoints: openFriction(2),
    });
    expect(action(input)).toBe('Follow up on the low NPS answer (6/10)');
  });

  it('says "keep it up" with the next check-in date when no factor loses 5 points or more', () => {
    expect(action(facts({ interactions: [rel(18, 2)], feedback: perfectFeedback }))).toBe(
      'Keep it up: next check-in due in 12 days',
    );
    // NPS 9 loses 2.5 points: not worth an action
    expect(action(facts({ interactions: [rel(18.5, 2)], feedback: [answer('NPS', 9, 1)] }))).toBe(
      'Keep it up: next check-in due in 12 days',
    );
    expect(action(facts({ interactions: [rel(29, 2)], feedback: perfectFeedback }))).toBe(
      'Keep it up: next check-in due in 1 day',
    );
    expect(action(facts({ interactions: [rel(30, 2)], feedback: perfectFeedback }))).toBe(
      'Keep it up: next check-in due today',
    );
    // 33 days: r = 1.1 → 0.95, loses 1.75 points, but the check-in is late
    expect(action(facts({ interactions: [rel(33, 2)], feedback: perfectFeedback }))).toBe(
      'Check in: the next check-in was due 3 days ago',
    );
  });
});

describe('check-in helpers', () => {
  const created = new Date('2025-01-01T09:00:00.000Z');

  it('nextCheckInDueAt is the last relationship contact, else creation, plus the cadence', () => {
    expect(nextCheckInDueAt(created, null, 30)).toEqual(new Date('2025-01-31T09:00:00.000Z'));
    expect(nextCheckInDueAt(created, new Date('2025-03-10T15:30:00.000Z'), 7)).toEqual(
      new Date('2025-03-17T15:30:00.000Z'),
    );
  });

  it('isCheckInOverdue only once the due instant has passed', () => {
    const due = new Date('2025-01-31T09:00:00.000Z');
    expect(isCheckInOverdue(due, new Date('2025-01-31T08:59:59.999Z'))).toBe(false);
    expect(isCheckInOverdue(due, due)).toBe(false);
    expect(isCheckInOverdue(due, new Date('2025-01-31T09:00:00.001Z'))).toBe(true);
  });

  it('lastRelationshipContactAt takes the latest check-in, optionally as of a date', () => {
    const list = [rel(5), sales(1), rel(9), rel(-2)];
    expect(lastRelationshipContactAt(list)).toEqual(ago(-2));
    expect(lastRelationshipContactAt(list, ASOF)).toEqual(ago(5));
    expect(lastRelationshipContactAt([sales(1)])).toBeNull();
  });
});

describe('inputs', () => {
  it('does not reorder or change the caller’s lists', () => {
    const input = facts({ interactions: [sales(9), rel(1), sales(5)], feedback: [answer('NPS', 3, 9)] });
    const copy = cloneFacts(input);
    health(input, ASOF);
    expect(input).toEqual(copy);
  });
});
