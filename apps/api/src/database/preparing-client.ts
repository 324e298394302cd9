import { createHash } from 'node:crypto';
import { Client, type QueryConfig } from 'pg';

/**
 * Distinct statements one connection prepares at most; further texts (a list of `$n` of another
 * length, say) run unnamed as before, so a backend's plan cache stays bounded.
 */
export const PREPARED_PER_CONNECTION = 250;

/** Names by statement text, shared by the pool's connections (the app's texts are few and fixed). */
const names = new Map<string, string>();
const nameOf = (text: string): string => {
  let name = names.get(text);
  if (!name) {
    name = `r${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
    if (names.size < PREPARED_PER_CONNECTION * 4) names.set(text, name);
  }
  return name;
};

/**
 * The request pool's connection: a statement with parameters is prepared once per connection (named
 * by a hash of its text) and then only bound and executed, so PostgreSQL neither parses nor, once it
 * settles on a generic plan, plans it again. Planning was a large part of PostgreSQL's CPU per
 * request: half of the customers page's statement (see docs/performance.md). A statement whose
 * custom plans always look cheaper never settles: one customer's health facts have a text of their
 * own for that (`sendHealthFacts`). Statements without parameters (BEGIN, COMMIT, scripts of several
 * statements) run as before.
 *
 * A schema change under a running app (another replica migrating) can fail a prepared statement once
 * with "cached plan must not change result type"; PostgreSQL replans it on the next use.
 */
export class PreparingClient extends Client {
  private readonly prepared = new Set<string>();

  // biome-ignore lint/suspicious/noExplicitAny: forwards every one of pg's query overloads unchanged
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config === 'string' && Array.isArray(values) && values.length > 0) {
      const name = nameOf(config);
      if (this.prepared.has(name) || this.prepared.size < PREPARED_PER_CONNECTION) {
        this.prepared.add(name);
        const named: QueryConfig = { name, text: config, values };
        return callback ? super.query(named, callback) : super.query(named);
      }
    }
    return super.query(config, values, callback);
  }
}
