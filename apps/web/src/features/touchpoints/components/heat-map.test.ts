import { consistencyLevel, frictionLevel, heatCell, heatClassName, ratingLevel } from './heat-map';

const scores = {
  accuracy: null,
  availability: null,
  partnership: null,
  advice: null,
  consistency: null,
  openFrictionCount: 0,
};

describe('heat map levels', () => {
  it('runs ratings from 1 red through 3 amber to 5 green', () => {
    expect([1, 1.4, 2.5, 3, 3.6, 4.49, 5].map(ratingLevel)).toEqual([1, 1, 3, 3, 4, 4, 5]);
  });

  it('maps consistency 0..1 onto the same scale', () => {
    expect([0, 0.1, 0.25, 0.5, 0.75, 0.9, 1].map(consistencyLevel)).toEqual([1, 1, 2, 3, 4, 5, 5]);
  });

  it('is green without open friction and redder with each point', () => {
    expect([0, 1, 2, 3, 4, 12].map(frictionLevel)).toEqual([5, 4, 3, 2, 1, 1]);
  });

  it('shows one decimal, and a neutral dash when there is nothing yet', () => {
    expect(heatCell({ ...scores, accuracy: 3.96 }, 'accuracy')).toEqual({
      level: 4,
      text: '4.0',
      note: null,
    });
    expect(heatCell(scores, 'advice')).toEqual({ level: null, text: '—', note: 'No audits yet' });
    expect(heatCell(scores, 'consistency').note).toBe('No audits yet');
    expect(heatCell({ ...scores, advice: 4 }, 'consistency').note).toBe('Needs two audits or more');
    expect(heatCell({ ...scores, openFrictionCount: 3 }, 'openFrictionCount')).toEqual({
      level: 2,
      text: '3',
      note: null,
    });
    expect(heatClassName(null)).toBe('heat-cell heat-cell--none');
    expect(heatClassName(2)).toBe('heat-cell heat-cell--2');
  });
});
