import { feedbackToken } from './entry-path';

describe('feedbackToken (which app main.tsx starts)', () => {
  it('finds the token of a feedback link', () => {
    expect(feedbackToken('/f/N3cjo0qTfwfaqft1-raV_nHopud1XxT9yNGNk4')).toBe(
      'N3cjo0qTfwfaqft1-raV_nHopud1XxT9yNGNk4',
    );
    expect(feedbackToken('/f/abc/')).toBe('abc');
  });

  it('is null for every other path: the signed-in app', () => {
    for (const path of ['/', '/f', '/f/', '/feedback', '/f/abc/extra', '/customers/f/abc', '/a/abc'])
      expect(feedbackToken(path)).toBeNull();
  });
});
