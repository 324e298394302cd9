import { socketDirFor } from './embedded';

describe('socketDirFor', () => {
  it("puts the socket in the cluster's own directory", () => {
    expect(socketDirFor('/var/lib/rapport/pg', 54321)).toBe('/var/lib/rapport/pg');
  });

  it('gives up the socket (TCP alone) when its path would not fit in a socket address', () => {
    const deep = `/${'d'.repeat(90)}/pg`; // + '/.s.PGSQL.54321': 110 bytes
    expect(socketDirFor(deep, 54321)).toBeNull();
    expect(socketDirFor(`/${'d'.repeat(70)}/pg`, 54321)).toBe(`/${'d'.repeat(70)}/pg`);
  });
});
