import { randomUUID } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { Channel, Direction, InteractionPurpose } from '@rapport/domain';
import { Pool } from 'pg';
import { tokenHash } from '../auth/tokens';
import { APP_ROLE_STARTUP_OPTIONS } from '../database/app-role';
import { beginSql } from '../database/db.service';
import { CLAIM_KEY, hashOf, IDEMPOTENCY_KEY_TTL_HOURS } from '../database/idempotency';
import { send } from '../database/send';
import { cursor } from '../graphql/connection';
import { countFromCounts } from '../modules/customers/customer-counts';
import { InteractionEntity } from '../modules/interactions/interaction.entity';
import { insertInteraction } from '../modules/interactions/interactions.service';
import { refreshCustomers } from '../modules/relationship-health/customer-state.service';

/**
 * The benchmark's baseline: the practical ceiling for a Node API on this machine. A bare `http`
 * server with `pg` and hand-written SQL that answers the customers page (50 rows, lowest health
 * first, or the overdue check-ins) in the JSON shape the GraphQL API gives, doing the same essential
 * work: the session cookie looked up, the workspace set for row-level security, the page with its
 * total (from the same customer_counts the app keeps), owners and effective cadences. No framework,
 * no validation beyond that, no GraphQL.
 *
 * Run by the benchmark as `node dist/bench/baseline-server.js` with DATABASE_URL (the app's login)
 * and PORT; it prints `listening` when ready.
 */
const PAGE_SIZE = 50;

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  options: APP_ROLE_STARTUP_OPTIONS,
  pipeline: true, // as the app's request pool: statements sent at once are written at once
});

const SESSION = `select workspace_id, member_id from sessions
  where token_hash = $1 and expires_at > now() and last_seen_at > now() - interval '30 days'`;

interface Session {
  workspace_id: string;
  member_id: string;
}

async function sessionOf(token: string | undefined): Promise<Session | null> {
  if (!token) return null;
  const { rows } = await pool.query<Session>(SESSION, [tokenHash(token)]);
  return rows[0] ?? null;
}

/**
 * The customers page as the benchmark asks for it: lowest health first, or only overdue check-ins,
 * soonest due first. Its total comes from the same customer counts, counted the same way, as the app's.
 */
const page = (overdue: boolean) => `select c.id, c.name, c.company, c.email, c.phone, c.tags, c.status,
       coalesce(c.cadence_days, w.default_cadence_days) as cadence_days, c.cadence_days as own_cadence_days,
       c.created_at, m.id as owner_id, m.name as owner_name, c.health_score, c.health_band,
       c.last_relationship_contact_at, c.next_check_in_due_at, c.next_check_in_due_at < now() as overdue,
       ${countFromCounts({ workspace: '$1', status: `'ACTIVE'`, band: null, overdue: overdue || null })} as total
  from customers c
  join workspaces w on w.id = c.workspace_id
  left join members m on m.workspace_id = c.workspace_id and m.id = c.owner_id
 where c.workspace_id = $1 and c.status = 'ACTIVE'${overdue ? ' and c.next_check_in_due_at < now()' : ''}
 order by ${overdue ? 'c.next_check_in_due_at' : 'c.health_score'}, c.id
 limit ${PAGE_SIZE + 1}`;
const PAGE = page(false);
const OVERDUE_PAGE = page(true);

interface Row {
  id: string;
  name: string;
  company: string | null;
  email: string | null;
  phone: string | null;
  tags: string[];
  status: string;
  cadence_days: number;
  own_cadence_days: number | null;
  created_at: Date;
  owner_id: string | null;
  owner_name: string | null;
  health_score: number;
  health_band: string;
  last_relationship_contact_at: Date | null;
  next_check_in_due_at: Date;
  overdue: boolean;
  total: number;
}

const node = (r: Row) => ({
  id: r.id,
  name: r.name,
  company: r.company,
  email: r.email,
  phone: r.phone,
  tags: r.tags,
  status: r.status,
  cadenceDays: r.cadence_days,
  ownCadenceDays: r.own_cadence_days,
  createdAt: r.created_at,
  owner: r.owner_id ? { id: r.owner_id, name: r.owner_name } : null,
  health: { score: r.health_score, band: r.health_band },
  lastRelationshipContactAt: r.last_relationship_contact_at,
  nextCheckInDueAt: r.next_check_in_due_at,
  checkInOverdue: r.overdue,
});

async function customersPage({ workspace_id: workspaceId }: Session, overdue: boolean) {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`select set_config('app.workspace_id', $1, true)`, [workspaceId]);
    const { rows } = await client.query<Row>(overdue ? OVERDUE_PAGE : PAGE, [workspaceId]);
    await client.query('commit');
    const edges = rows.slice(0, PAGE_SIZE).map((r) => ({ cursor: cursor.encode([r.id]), node: node(r) }));
    return {
      customers: {
        edges,
        pageInfo: { hasNextPage: rows.length > PAGE_SIZE, endCursor: edges.at(-1)?.cursor ?? null },
        totalCount: rows[0]?.total ?? 0,
      },
    };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** What the benchmark's `logInteraction` sends in `input`. */
interface ContactInput {
  customerId: string;
  channel: Channel;
  direction: Direction;
  purpose: InteractionPurpose;
  sentiment: number;
  summary: string;
  idempotencyKey: string;
}

/**
 * The app's `logInteraction` without the framework: in one transaction with the member's scope, the
 * key claimed, the interaction inserted and the customer's health recomputed by the app's own
 * functions (the same statements, in one flight with the key), then the new health read.
 */
async function logInteraction(
  { workspace_id: workspaceId, member_id: memberId }: Session,
  input: ContactInput,
) {
  const client = await pool.connect();
  try {
    await client.query(beginSql([workspaceId, memberId, 'MEMBER']));
    const { idempotencyKey, ...contact } = input;
    const interaction = Object.assign(new InteractionEntity(), {
      ...contact,
      workspaceId,
      id: randomUUID(),
      memberId,
      touchpointId: null,
      frictionNote: null,
      occurredAt: new Date(),
      followUpAt: null,
    });
    await Promise.all([
      send(client, CLAIM_KEY, [
        workspaceId,
        idempotencyKey,
        'logInteraction',
        hashOf({ operation: 'logInteraction', key: idempotencyKey, args: input }),
        interaction.id,
        IDEMPOTENCY_KEY_TTL_HOURS,
      ]),
      insertInteraction(client, interaction),
      refreshCustomers(client, workspaceId, [interaction.customerId]),
    ]);
    const [customer] = await send<{ health_score: number; health_band: string }>(
      client,
      'select health_score, health_band from customers where workspace_id = $1 and id = $2',
      [workspaceId, interaction.customerId],
    );
    await client.query('commit');
    const { id, occurredAt, purpose, sentiment, customerId } = interaction;
    return {
      logInteraction: {
        id,
        occurredAt,
        purpose,
        sentiment,
        customer: { id: customerId, health: { score: customer?.health_score, band: customer?.health_band } },
      },
    };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

function reply(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The write when the body is the benchmark's `logInteraction`, else the page it asks for. */
async function answer(token: string | undefined, body: string) {
  const session = await sessionOf(token);
  if (!session) return null;
  const { query, variables } = JSON.parse(body) as { query: string; variables?: { input: ContactInput } };
  return query.includes('logInteraction') && variables
    ? logInteraction(session, variables.input)
    : customersPage(session, query.includes('checkInOverdue: true'));
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const token = /(?:^|;\s*)rapport_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    answer(token, Buffer.concat(chunks).toString()).then(
      (data) => (data ? reply(res, 200, { data }) : reply(res, 401, { errors: [{ message: 'Sign in' }] })),
      (error: Error) => reply(res, 500, { errors: [{ message: error.message }] }),
    );
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => server.close(() => pool.end()));
