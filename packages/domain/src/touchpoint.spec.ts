import { CHANNELS, JOURNEY_STAGES, type JourneyStage } from './enums';
import { groupByStage, touchpointSchema } from './touchpoint';
import { validate } from './validation';

const chars = (n: number) => 'x'.repeat(n);

describe('touchpointSchema', () => {
  const valid = { name: 'Front counter', channel: 'STORE', stage: 'BUY' };

  it('defaults description to null and momentOfTruth to false', () => {
    expect(validate(touchpointSchema, valid)).toEqual({
      ok: true,
      value: { ...valid, description: null, momentOfTruth: false },
    });
  });

  it('trims name and description and keeps momentOfTruth', () => {
    const input = {
      ...valid,
      name: ' Front counter ',
      description: ' Where orders are paid. ',
      momentOfTruth: true,
    };
    expect(validate(touchpointSchema, input)).toEqual({
      ok: true,
      value: { ...valid, description: 'Where orders are paid.', momentOfTruth: true },
    });
  });

  it.each(CHANNELS)('accepts the %s channel', (channel) => {
    expect(validate(touchpointSchema, { ...valid, channel })).toMatchObject({ ok: true, value: { channel } });
  });

  it.each(JOURNEY_STAGES)('accepts the %s stage', (stage) => {
    expect(validate(touchpointSchema, { ...valid, stage })).toMatchObject({ ok: true, value: { stage } });
  });

  it.each([
    { case: 'a 120-character name', patch: { name: chars(120) }, value: { name: chars(120) } },
    {
      case: 'a 2000-character description',
      patch: { description: chars(2000) },
      value: { description: chars(2000) },
    },
    { case: 'a blank description as null', patch: { description: '  ' }, value: { description: null } },
    { case: 'a null description', patch: { description: null }, value: { description: null } },
    {
      case: 'a null momentOfTruth as false',
      patch: { momentOfTruth: null },
      value: { momentOfTruth: false },
    },
  ])('accepts $case', ({ patch, value }) => {
    expect(validate(touchpointSchema, { ...valid, ...patch })).toMatchObject({ ok: true, value });
  });

  it.each([
    { case: 'a blank name', patch: { name: ' ' }, fields: { name: 'Required' } },
    { case: 'a 121-character name', patch: { name: chars(121) }, fields: { name: 'At most 120 characters' } },
    {
      case: 'a NUL in the name',
      patch: { name: 'A\u0000' },
      fields: { name: 'Must not contain NUL characters' },
    },
    {
      case: 'a 2001-character description',
      patch: { description: chars(2001) },
      fields: { description: 'At most 2000 characters' },
    },
    {
      case: 'a NUL in the description',
      patch: { description: '\u0000' },
      fields: { description: 'Must not contain NUL characters' },
    },
    {
      case: 'an unknown channel',
      patch: { channel: 'FAX' },
      fields: { channel: `Invalid option: expected one of ${CHANNELS.map((c) => `"${c}"`).join('|')}` },
    },
    {
      case: 'an unknown stage',
      patch: { stage: 'CHURN' },
      fields: { stage: `Invalid option: expected one of ${JOURNEY_STAGES.map((s) => `"${s}"`).join('|')}` },
    },
    {
      case: 'a non-boolean momentOfTruth',
      patch: { momentOfTruth: 'yes' },
      fields: { momentOfTruth: 'Invalid input: expected boolean, received string' },
    },
  ])('refuses $case', ({ patch, fields }) => {
    expect(validate(touchpointSchema, { ...valid, ...patch })).toEqual({ ok: false, fields });
  });

  it('names every missing required field', () => {
    expect(validate(touchpointSchema, {})).toEqual({
      ok: false,
      fields: {
        name: 'Invalid input: expected string, received undefined',
        channel: expect.stringContaining('Invalid option'),
        stage: expect.stringContaining('Invalid option'),
      },
    });
  });
});

describe('groupByStage', () => {
  const at = (name: string, stage: JourneyStage) => ({ name, stage });

  it('groups in journey order, keeping the input order within a stage and skipping empty stages', () => {
    const support = at('Help desk', 'SUPPORT');
    const site = at('Website', 'DISCOVER');
    const till = at('Till', 'BUY');
    const phone = at('Phone line', 'SUPPORT');
    const ad = at('Flyer', 'DISCOVER');

    expect(groupByStage([support, site, till, phone, ad])).toEqual([
      { stage: 'DISCOVER', touchpoints: [site, ad] },
      { stage: 'BUY', touchpoints: [till] },
      { stage: 'SUPPORT', touchpoints: [support, phone] },
    ]);
  });

  it('returns the very objects it was given', () => {
    const till = { ...at('Till', 'BUY'), id: 't1', momentOfTruth: true };
    expect(groupByStage([till])[0]?.touchpoints[0]).toBe(till);
  });

  it('lists every stage in JOURNEY_STAGES order when each has a touchpoint', () => {
    const reversed = [...JOURNEY_STAGES].reverse().map((stage) => at(stage, stage));
    expect(groupByStage(reversed).map((group) => group.stage)).toEqual([...JOURNEY_STAGES]);
  });

  it('returns no groups for no touchpoints', () => {
    expect(groupByStage([])).toEqual([]);
  });
});
