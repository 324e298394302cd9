import { Client } from 'pg';

export interface StoredWrites {
  /** Interactions the stream wrote. */
  rows: number;
  /** Acknowledged keys whose stored row is the one the API answered with. */
  storedAcknowledged: number;
  /** Rows beyond the first for one key. */
  duplicates: number;
}

/** What the database (as its owner, past row-level security) holds of a write stream's keys. */
export async function storedWrites(
  ownerUrl: string,
  acknowledged: Map<string, string>,
): Promise<StoredWrites> {
  const db = new Client({ connectionString: ownerUrl });
  await db.connect();
  try {
    // Each write's summary names its key (see write-stream.ts): rows are counted by what was sent.
    const { rows } = await db.query<{ key: string; n: number; id: string }>(
      `select 'stream-' || substring(summary from '^Stream write ([0-9]+)$') as key, count(*)::int as n,
              min(id::text) as id
         from interactions where summary like 'Stream write %' group by 1`,
    );
    const byKey = new Map(rows.map((r) => [r.key, r]));
    return {
      rows: rows.reduce((sum, r) => sum + r.n, 0),
      storedAcknowledged: [...acknowledged].filter(([key, id]) => byKey.get(key)?.id === id).length,
      duplicates: rows.reduce((sum, r) => sum + r.n - 1, 0),
    };
  } finally {
    await db.end();
  }
}
