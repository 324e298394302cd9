import { Injectable } from '@nestjs/common';
import { interactionPageSchema } from '@rapport/domain';
import type { Actor } from '../../auth/actor';
import { Db } from '../../database/db.service';
import { type Connection, cursor, toConnection } from '../../graphql/connection';
import { badUserInput } from '../../graphql/errors';
import { isUuid, parseInput } from '../../graphql/parse-input';
import type { CustomerEntity } from '../customers/customer.entity';
import { TIMELINE_SOURCES } from './timeline-sources';

interface EntryKey {
  kind: string;
  id: string;
  /** ISO 8601 to the microsecond, as Postgres keeps it: a cursor cut to milliseconds would skip entries. */
  at: string;
}

/** The sources' entries as one list: `(kind, id, at)`. */
const ALL_ENTRIES = TIMELINE_SOURCES.map(
  (source, i) => `select $${3 + i}::text as kind, e.id, e.at from (${source.entries}) e`,
).join('\nunion all\n');
const KIND_PARAMS = TIMELINE_SOURCES.map((s) => s.kind);

function decodeEntryCursor(value: string): EntryKey | null {
  const [at, kind, id] = cursor.decode(value) ?? [];
  if (typeof at !== 'string' || typeof kind !== 'string' || typeof id !== 'string' || !isUuid(id))
    return null;
  return Number.isNaN(new Date(at).getTime()) ? null : { at, kind, id };
}

/** One customer's history, newest first, merged from every timeline source. */
@Injectable()
export class TimelineService {
  constructor(private readonly db: Db) {}

  async forCustomer(actor: Actor, customer: CustomerEntity, args: unknown): Promise<Connection<object>> {
    const { first, after } = parseInput(interactionPageSchema, args);
    const anchor = after ? decodeEntryCursor(after) : null;
    if (after && !anchor) throw badUserInput({ after: 'Not a valid cursor' });
    const { workspaceId, id: customerId } = customer;
    const base = [workspaceId, customerId, ...KIND_PARAMS];
    return this.db.asMember(actor, async (em) => {
      const [{ count }] = await em.query(`select count(*)::int as count from (${ALL_ENTRIES}) t`, base);
      const next = base.length;
      const keys: EntryKey[] = await em.query(
        `select kind, id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at
           from (${ALL_ENTRIES}) t
          where $${next + 1}::timestamptz is null or (at, kind, id) < ($${next + 1}, $${next + 2}::text, $${next + 3}::uuid)
          order by at desc, kind desc, id desc limit $${next + 4}`,
        [...base, anchor?.at ?? null, anchor?.kind ?? null, anchor?.id ?? null, first + 1],
      );
      const loaded = new Map<string, object>();
      for (const source of TIMELINE_SOURCES) {
        const ids = keys.filter((k) => k.kind === source.kind).map((k) => k.id);
        if (ids.length === 0) continue;
        for (const row of await source.load(em, workspaceId, ids))
          loaded.set(`${source.kind}:${row.id}`, row);
      }
      const rows = keys.flatMap((key) => {
        const node = loaded.get(`${key.kind}:${key.id}`);
        return node ? [{ key, node }] : [];
      });
      const page = toConnection(rows, first, count, ({ key }) => [key.at, key.kind, key.id]);
      return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: e.node.node })) };
    });
  }
}
