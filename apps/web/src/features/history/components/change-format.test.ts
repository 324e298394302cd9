import { fieldChange } from '../test-fixtures';
import { fieldLabel, formatValue, whatHappened, whoMadeIt } from './change-format';

const value = (field: string, v: unknown, label: string | null = null) =>
  formatValue(field, fieldChange(field, null, v).after, label);

describe('change formatting', () => {
  it('names fields in words', () => {
    expect(fieldLabel('ownerId')).toBe('Owner');
    expect(fieldLabel('cadenceDays')).toBe('Check-in cadence (days)');
    expect(fieldLabel('frictionNote')).toBe('Friction note');
    expect(fieldLabel('availability')).toBe('Availability');
    expect(fieldLabel('auditorName')).toBe('Auditor');
    expect(fieldLabel('somethingNewLater')).toBe('Something new later');
  });

  it('shows values as words: none, yes/no, enums, dates, lists, facts', () => {
    expect(formatValue('notes', null)).toBe('—');
    expect(value('momentOfTruth', true)).toBe('Yes');
    expect(value('wouldReturn', false)).toBe('No');
    expect(value('sentiment', -1)).toBe('−1');
    expect(value('severity', 2)).toBe('2');
    expect(value('channel', 'PHONE')).toBe('Phone');
    expect(value('stage', 'BILLING')).toBe('Billing');
    expect(value('status', 'IN_PROGRESS')).toBe('In progress');
    expect(value('occurredAt', '2026-03-02T10:00:00+00:00')).toMatch(/2026/);
    expect(value('tags', ['vip', 'wholesale'])).toBe('vip, wholesale');
    expect(value('tags', [])).toBe('none');
    expect(value('profileFacts', [{ label: 'Dog', value: 'Rex' }])).toBe('Dog: Rex');
    expect(value('notes', 'x'.repeat(300))).toHaveLength(160);
  });

  it('shows a reference by the name the API gives, never its id', () => {
    const id = '00000000-0000-4000-8000-000000000101';
    expect(value('ownerId', id, 'Sam Staff')).toBe('Sam Staff');
    expect(value('touchpointId', id)).toBe('a record since removed');
    expect(value('ownerId', id, null)).not.toContain(id);
  });

  it('says who and what', () => {
    expect(whoMadeIt({ member: { id: 'm', name: 'Sam' }, origin: 'MEMBER' })).toBe('Sam');
    expect(whoMadeIt({ member: null, origin: 'AUDIT_LINK' })).toBe('An outside auditor (audit link)');
    expect(whoMadeIt({ member: null, origin: 'SURVEY_LINK' })).toBe('An anonymous answer');
    expect(whoMadeIt({ member: null, origin: 'SYSTEM' })).toBe('Rapport (automatic)');
    expect(whatHappened({ action: 'UPDATE', entity: 'CUSTOMER', entityLabel: 'Bea' })).toBe(
      'changed the customer “Bea”',
    );
    expect(whatHappened({ action: 'CREATE', entity: 'FRICTION_POINT', entityLabel: null })).toBe(
      'added the friction point',
    );
    expect(whatHappened({ action: 'CREATE', entity: 'OBSERVATION', entityLabel: 'Front desk' })).toBe(
      'added an audit step at “Front desk”',
    );
    expect(whatHappened({ action: 'UPDATE', entity: 'WORKSPACE', entityLabel: 'Bakery' })).toBe(
      'changed the workspace settings',
    );
    expect(whatHappened({ action: 'DELETE', entity: 'INTERACTION', entityLabel: null })).toBe(
      'deleted the interaction',
    );
  });
});
