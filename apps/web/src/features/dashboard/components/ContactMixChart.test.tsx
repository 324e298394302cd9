import { render, screen, within } from '@testing-library/react';
import { mockResizeObserver } from '../test-fixtures';
import { ContactMixCard, ContactMixChart, describeContactMix } from './ContactMixChart';

const rows = [
  { member: { id: 'm1', name: 'Ada Lovelace' }, relationship: 4, total: 10, relationshipShare: 0.4 },
  { member: { id: 'm2', name: 'Grace Hopper' }, relationship: 1, total: 1, relationshipShare: 1 },
  { member: { id: 'm3', name: 'Alan Turing' }, relationship: 0, total: 0, relationshipShare: null },
];

describe('ContactMixChart', () => {
  it("lists each member's non-sales share with the counts as its text alternative", () => {
    const restore = mockResizeObserver();
    render(<ContactMixChart rows={rows} />);
    const items = within(screen.getByRole('figure'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      'Ada Lovelace: 40% non-sales (4 of 10 contacts)',
      'Grace Hopper: 100% non-sales (1 of 1 contact)',
      'Alan Turing: no contacts',
    ]);
    restore();
  });

  it('describes a row', () => {
    expect(describeContactMix(rows[0] as (typeof rows)[number])).toBe(
      'Ada Lovelace: 40% non-sales (4 of 10 contacts)',
    );
  });
});

describe('ContactMixCard', () => {
  it('says so when nobody logged a contact in the period', () => {
    render(<ContactMixCard rows={[rows[2] as (typeof rows)[number]]} />);
    expect(screen.getByText('No contacts logged in the last 90 days')).toBeInTheDocument();
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
  });
});
