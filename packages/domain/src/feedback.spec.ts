import { SURVEY_TYPES, type SurveyType } from './enums';
import {
  ANONYMITY_THRESHOLD,
  commentsVisible,
  createSurveySchema,
  DEFAULT_FEEDBACK_CAP_DAYS,
  DEFAULT_FEEDBACK_EXPIRY_DAYS,
  type FeedbackAnswer,
  feedbackAutoRequestSchema,
  feedbackSummaryFilterSchema,
  guardedByAnonymity,
  isLowScore,
  lowAnswerSeverity,
  normalisedScore,
  requestFeedbackSchema,
  SCORE_RANGES,
  submitFeedbackSchema,
  summariseFeedback,
} from './feedback';
import { validate } from './validation';

const SURVEY_ID = '7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const CUSTOMER_ID = '3f0c6f0e-9b7a-4c3e-8f1a-2b5d6c7e8f90';
const INTERACTION_ID = '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';
const TOUCHPOINT_ID = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';
const chars = (n: number) => 'x'.repeat(n);
const range = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => min + i);

describe('constants', () => {
  it('are the documented defaults: score ranges, anonymity threshold 5, expiry 14 days, cap 30 days', () => {
    expect(SCORE_RANGES).toEqual({
      NPS: { min: 0, max: 10 },
      CSAT: { min: 1, max: 5 },
      CES: { min: 1, max: 7 },
    });
    expect(ANONYMITY_THRESHOLD).toBe(5);
    expect(DEFAULT_FEEDBACK_EXPIRY_DAYS).toBe(14);
    expect(DEFAULT_FEEDBACK_CAP_DAYS).toBe(30);
  });
});

describe('createSurveySchema', () => {
  const minimal = { name: 'After a visit', type: 'NPS', question: 'Would you recommend us to a friend?' };

  it('accepts a survey of each type, attributed and on no touchpoint by default', () => {
    for (const type of SURVEY_TYPES) {
      expect(validate(createSurveySchema, { ...minimal, type })).toEqual({
        ok: true,
        value: { ...minimal, type, touchpointId: null, anonymous: false, idempotencyKey: null },
      });
    }
  });

  it('keeps a touchpoint and anonymity, trims texts and reads null as the default', () => {
    expect(
      validate(createSurveySchema, {
        ...minimal,
        name: '  Counter card ',
        question: ' How easy was it? ',
        touchpointId: TOUCHPOINT_ID,
        anonymous: true,
      }),
    ).toEqual({
      ok: true,
      value: {
        name: 'Counter card',
        type: 'NPS',
        question: 'How easy was it?',
        touchpointId: TOUCHPOINT_ID,
        anonymous: true,
        idempotencyKey: null,
      },
    });
    expect(validate(createSurveySchema, { ...minimal, touchpointId: null, anonymous: null })).toEqual({
      ok: true,
      value: { ...minimal, touchpointId: null, anonymous: false, idempotencyKey: null },
    });
  });

  it('accepts a name of 120 and a question of 500 characters', () => {
    expect(validate(createSurveySchema, { ...minimal, name: chars(120), question: chars(500) }).ok).toBe(
      true,
    );
  });

  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['a blank name', { name: '   ' }, { name: 'Required' }],
    ['a name of 121 characters', { name: chars(121) }, { name: 'At most 120 characters' }],
    ['a blank question', { question: '' }, { question: 'Required' }],
    ['a question of 501 characters', { question: chars(501) }, { question: 'At most 500 characters' }],
    ['a NUL in the question', { question: 'Why\u0000?' }, { question: 'Must not contain NUL characters' }],
    ['a malformed touchpoint id', { touchpointId: 'front-desk' }, { touchpointId: 'Not a valid id' }],
  ])('refuses %s', (_, change, fields) => {
    expect(validate(createSurveySchema, { ...minimal, ...change })).toEqual({ ok: false, fields });
  });

  it('refuses an unknown type', () => {
    const result = validate(createSurveySchema, { ...minimal, type: 'STARS' });
    expect(result.ok).toBe(false);
    expect(Object.keys(result.ok ? {} : result.fields)).toEqual(['type']);
  });
});

describe('requestFeedbackSchema', () => {
  const minimal = { surveyId: SURVEY_ID, customerId: CUSTOMER_ID };

  it('expires in 14 days and ties to no interaction by default', () => {
    expect(validate(requestFeedbackSchema, minimal)).toEqual({
      ok: true,
      value: { ...minimal, interactionId: null, expiresInDays: 14, idempotencyKey: null },
    });
    expect(validate(requestFeedbackSchema, { ...minimal, interactionId: null, expiresInDays: null })).toEqual(
      {
        ok: true,
        value: { ...minimal, interactionId: null, expiresInDays: 14, idempotencyKey: null },
      },
    );
  });

  it.each([1, 90])('accepts an expiry of %i days, with an interaction', (days) => {
    expect(
      validate(requestFeedbackSchema, { ...minimal, interactionId: INTERACTION_ID, expiresInDays: days }),
    ).toEqual({
      ok: true,
      value: { ...minimal, interactionId: INTERACTION_ID, expiresInDays: days, idempotencyKey: null },
    });
  });

  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['an expiry of 0 days', { expiresInDays: 0 }, { expiresInDays: 'At least 1 day' }],
    ['an expiry of 91 days', { expiresInDays: 91 }, { expiresInDays: 'At most 90 days' }],
    ['a fractional expiry', { expiresInDays: 1.5 }, { expiresInDays: 'Use whole days' }],
    ['an expiry as text', { expiresInDays: '14' }, { expiresInDays: 'Enter a number of days' }],
    ['a malformed survey id', { surveyId: 'nps' }, { surveyId: 'Not a valid id' }],
    ['a malformed customer id', { customerId: '42' }, { customerId: 'Not a valid id' }],
    ['a malformed interaction id', { interactionId: 'call' }, { interactionId: 'Not a valid id' }],
  ])('refuses %s', (_, change, fields) => {
    expect(validate(requestFeedbackSchema, { ...minimal, ...change })).toEqual({ ok: false, fields });
  });
});

describe('submitFeedbackSchema', () => {
  it.each(SURVEY_TYPES)('accepts every whole score of the %s range, no comment', (type) => {
    const { min, max } = SCORE_RANGES[type];
    for (const score of range(min, max)) {
      expect(validate(submitFeedbackSchema(type), { score })).toEqual({
        ok: true,
        value: { score, comment: null },
      });
    }
  });

  it.each<[SurveyType, number, string]>([
    ['NPS', -1, 'Choose a score from 0 to 10'],
    ['NPS', 11, 'Choose a score from 0 to 10'],
    ['NPS', 6.5, 'Choose a score from 0 to 10'],
    ['CSAT', 0, 'Choose a score from 1 to 5'],
    ['CSAT', 6, 'Choose a score from 1 to 5'],
    ['CES', 0, 'Choose a score from 1 to 7'],
    ['CES', 8, 'Choose a score from 1 to 7'],
  ])('refuses a %s score of %d: %s', (type, score, message) => {
    expect(validate(submitFeedbackSchema(type), { score })).toEqual({
      ok: false,
      fields: { score: message },
    });
  });

  it('refuses a missing score or one given as text', () => {
    for (const input of [{}, { score: '5' }, { score: null }]) {
      expect(validate(submitFeedbackSchema('CSAT'), input)).toEqual({
        ok: false,
        fields: { score: 'Choose a score from 1 to 5' },
      });
    }
  });

  it('trims the comment, keeps 2000 characters, reads blank as none and refuses 2001', () => {
    const schema = submitFeedbackSchema('NPS');
    expect(validate(schema, { score: 3, comment: '  Slow queue ' })).toEqual({
      ok: true,
      value: { score: 3, comment: 'Slow queue' },
    });
    expect(validate(schema, { score: 3, comment: chars(2000) })).toEqual({
      ok: true,
      value: { score: 3, comment: chars(2000) },
    });
    expect(validate(schema, { score: 3, comment: '   ' })).toEqual({
      ok: true,
      value: { score: 3, comment: null },
    });
    expect(validate(schema, { score: 3, comment: chars(2001) })).toEqual({
      ok: false,
      fields: { comment: 'At most 2000 characters' },
    });
  });
});

describe('isLowScore', () => {
  const LOW: Record<SurveyType, number[]> = {
    NPS: [0, 1, 2, 3, 4, 5, 6],
    CSAT: [1, 2],
    CES: [1, 2, 3],
  };

  it.each(SURVEY_TYPES)('%s: low exactly up to its threshold (NPS ≤ 6, CSAT ≤ 2, CES ≤ 3)', (type) => {
    const { min, max } = SCORE_RANGES[type];
    const table = range(min, max).map((score) => [score, isLowScore(type, score)]);
    expect(table).toEqual(range(min, max).map((score) => [score, LOW[type].includes(score)]));
  });
});

describe('lowAnswerSeverity', () => {
  it.each<[SurveyType, Record<number, number>]>([
    ['NPS', { 0: 3, 1: 3, 2: 3, 3: 2, 4: 2, 5: 1, 6: 1 }],
    ['CSAT', { 1: 3, 2: 1 }],
    ['CES', { 1: 3, 2: 2, 3: 1 }],
  ])('%s: the bottom third of the low range is 3, the middle 2, the top 1', (type, expected) => {
    const lows = range(SCORE_RANGES[type].min, SCORE_RANGES[type].max).filter((s) => isLowScore(type, s));
    expect(Object.fromEntries(lows.map((score) => [score, lowAnswerSeverity(type, score)]))).toEqual(
      expected,
    );
  });
});

describe('normalisedScore', () => {
  it.each<[SurveyType, number, number]>([
    ['NPS', 0, 0],
    ['NPS', 7, 0.7],
    ['NPS', 10, 1],
    ['CSAT', 1, 0],
    ['CSAT', 4, 0.75],
    ['CSAT', 5, 1],
    ['CES', 1, 0],
    ['CES', 4, 0.5],
    ['CES', 7, 1],
  ])('%s %i is %d (NPS x/10, CSAT (x−1)/4, CES (x−1)/6)', (type, score, expected) => {
    expect(normalisedScore(type, score)).toBeCloseTo(expected, 12);
  });
});

describe('summariseFeedback', () => {
  const answers = (type: SurveyType, scores: number[], anonymous = false): FeedbackAnswer[] =>
    scores.map((score) => ({ type, score, anonymous }));

  it('has no scores without answers', () => {
    expect(summariseFeedback([])).toEqual({ responses: 0, nps: null, csat: null, ces: null });
  });

  it('NPS is % promoters (9–10) − % detractors (0–6): 3 of 5 promote, 1 detracts → 40', () => {
    expect(summariseFeedback(answers('NPS', [10, 9, 9, 8, 3]))).toEqual({
      responses: 5,
      nps: 40,
      csat: null,
      ces: null,
    });
  });

  it('NPS counts 7 and 8 as passives and 6 as a detractor: [6, 7, 8, 9] → 0; all 6 → −100; all 9 → 100', () => {
    expect(summariseFeedback(answers('NPS', [6, 7, 8, 9])).nps).toBe(0);
    expect(summariseFeedback(answers('NPS', [6, 0])).nps).toBe(-100);
    expect(summariseFeedback(answers('NPS', [9, 10])).nps).toBe(100);
    expect(summariseFeedback(answers('NPS', [7, 8])).nps).toBe(0);
  });

  it('CSAT is the share of 4 and 5: [5, 4, 3, 2] → 0.5, [3] → 0', () => {
    expect(summariseFeedback(answers('CSAT', [5, 4, 3, 2]))).toEqual({
      responses: 4,
      nps: null,
      csat: 0.5,
      ces: null,
    });
    expect(summariseFeedback(answers('CSAT', [3])).csat).toBe(0);
  });

  it('CES is the mean answer: [2, 3, 7] → 4', () => {
    expect(summariseFeedback(answers('CES', [2, 3, 7]))).toEqual({
      responses: 3,
      nps: null,
      csat: null,
      ces: 4,
    });
  });

  it('scores each type over its own answers in a mixed group, counting all', () => {
    const mixed = [
      ...answers('NPS', [10, 9, 9, 8, 3]),
      ...answers('CSAT', [5, 4, 3, 2]),
      ...answers('CES', [2, 3, 7]),
    ];
    expect(summariseFeedback(mixed)).toEqual({ responses: 12, nps: 40, csat: 0.5, ces: 4 });
  });

  it.each([1, 2, 3, 4])(
    'with %i anonymous answers (and attributed ones) reports the count and null scores',
    (n) => {
      const group = [
        ...answers('NPS', [10, 9, 9, 8, 3]),
        ...answers(
          'CSAT',
          range(1, n).map(() => 5),
          true,
        ),
      ];
      expect(summariseFeedback(group)).toEqual({ responses: 5 + n, nps: null, csat: null, ces: null });
    },
  );

  it('with 5 or more anonymous answers reports the scores', () => {
    expect(summariseFeedback(answers('CSAT', [5, 5, 4, 2, 1], true))).toEqual({
      responses: 5,
      nps: null,
      csat: 0.6,
      ces: null,
    });
    const group = [...answers('NPS', [10, 0]), ...answers('NPS', [9, 9, 9, 9, 7, 6], true)];
    // 5 promoters, 2 detractors of 8.
    expect(summariseFeedback(group)).toEqual({ responses: 8, nps: 37.5, csat: null, ces: null });
  });
});

describe('guardedByAnonymity', () => {
  it('guards a group with 1–4 anonymous answers, not one with none or with at least 5', () => {
    expect([0, 1, 4, 5, 50].map(guardedByAnonymity)).toEqual([false, true, true, false, false]);
  });
});

describe('commentsVisible', () => {
  it('shows comments with no anonymous answers or with at least 5, never with 1–4', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((n) => [n, commentsVisible(n)])).toEqual([
      [0, true],
      [1, false],
      [2, false],
      [3, false],
      [4, false],
      [5, true],
      [6, true],
      [50, true],
    ]);
  });
});

describe('feedbackAutoRequestSchema', () => {
  const off = { surveyId: null, trigger: null, touchpointId: null };

  it('switches the rule off with a null survey, whatever else is given', () => {
    expect(validate(feedbackAutoRequestSchema, { surveyId: null })).toEqual({ ok: true, value: off });
    expect(
      validate(feedbackAutoRequestSchema, {
        surveyId: null,
        trigger: 'TOUCHPOINT',
        touchpointId: TOUCHPOINT_ID,
      }),
    ).toEqual({ ok: true, value: off });
  });

  it('asks after the first interaction, dropping a touchpoint it does not use', () => {
    expect(
      validate(feedbackAutoRequestSchema, {
        surveyId: SURVEY_ID,
        trigger: 'FIRST_INTERACTION',
        touchpointId: TOUCHPOINT_ID,
      }),
    ).toEqual({ ok: true, value: { surveyId: SURVEY_ID, trigger: 'FIRST_INTERACTION', touchpointId: null } });
  });

  it('asks after an interaction at a touchpoint', () => {
    const rule = { surveyId: SURVEY_ID, trigger: 'TOUCHPOINT', touchpointId: TOUCHPOINT_ID };
    expect(validate(feedbackAutoRequestSchema, rule)).toEqual({ ok: true, value: rule });
  });

  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['a survey without a trigger', { surveyId: SURVEY_ID }, { trigger: 'Choose when to ask' }],
    [
      'a touchpoint trigger without a touchpoint',
      { surveyId: SURVEY_ID, trigger: 'TOUCHPOINT', touchpointId: null },
      { touchpointId: 'Choose the touchpoint' },
    ],
    [
      'a malformed survey id',
      { surveyId: 'nps', trigger: 'FIRST_INTERACTION' },
      { surveyId: 'Not a valid id' },
    ],
    [
      'a malformed touchpoint id',
      { surveyId: SURVEY_ID, trigger: 'TOUCHPOINT', touchpointId: 'desk' },
      { touchpointId: 'Not a valid id' },
    ],
  ])('refuses %s', (_, input, fields) => {
    expect(validate(feedbackAutoRequestSchema, input)).toEqual({ ok: false, fields });
  });

  it('refuses an unknown trigger', () => {
    const result = validate(feedbackAutoRequestSchema, { surveyId: SURVEY_ID, trigger: 'EVERY_VISIT' });
    expect(result.ok).toBe(false);
    expect(Object.keys(result.ok ? {} : result.fields)).toEqual(['trigger']);
  });
});

describe('feedbackSummaryFilterSchema', () => {
  it('takes no filter, or a survey, a touchpoint and a period given as text or dates', () => {
    expect(validate(feedbackSummaryFilterSchema, {})).toEqual({ ok: true, value: {} });
    const from = new Date('2025-01-01T00:00:00Z');
    expect(
      validate(feedbackSummaryFilterSchema, {
        surveyId: SURVEY_ID,
        touchpointId: TOUCHPOINT_ID,
        from,
        to: '2025-02-01T00:00:00+01:00',
      }),
    ).toEqual({
      ok: true,
      value: { surveyId: SURVEY_ID, touchpointId: TOUCHPOINT_ID, from, to: new Date('2025-01-31T23:00:00Z') },
    });
  });

  it('refuses a malformed id or a date without its time zone', () => {
    expect(validate(feedbackSummaryFilterSchema, { surveyId: 'x', to: '2025-02-01T00:00:00' })).toEqual({
      ok: false,
      fields: { surveyId: 'Not a valid id', to: 'Enter a date and time with its time zone' },
    });
  });
});
