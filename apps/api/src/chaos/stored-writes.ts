import { Client } from 'pg';

export interface StoredWrites {
  /** Rows carrying a key of the stream. */
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
    const { rows } = await db.query<{ key: string; n: number; id: string }>(
      `select idempotency_key as key, count(*)::int as n, min(id::text) as id
         from interactions where idempotency_key like 'stream-%' group by 1`,
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
