import { Client, Query } from 'pg';

/**
 * The SQL text of every statement the app (any pg client in this process) sends while `run` runs,
 * and what `run` answered: to count statements, transactions and round trips per request.
 */
export async function sqlSentDuring<T>(run: () => Promise<T>): Promise<{ sent: string[]; result: T }> {
  const original = Client.prototype.query;
  const sent: string[] = [];
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    const [first] = args;
    sent.push(typeof first === 'string' ? first : String((first as { text?: string } | undefined)?.text));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    return { sent, result: await run() };
  } finally {
    Client.prototype.query = original;
  }
}

/**
 * The statements sent while `run` runs, in flights: a flight is the statements written one after
 * another with no answer coming back in between (pipelined, or a script of several). Each flight is a
 * round trip.
 */
export async function flightsDuring<T>(run: () => Promise<T>): Promise<{ flights: string[][]; result: T }> {
  // pg's Query calls handleReadyForQuery when a statement's answer is complete (not in its types).
  const query = Query.prototype as Query & { text?: string; handleReadyForQuery(...args: unknown[]): void };
  const { submit, handleReadyForQuery } = query;
  const flights: string[][] = [];
  let answered = true;
  query.submit = function (this: typeof query, ...args: Parameters<typeof submit>) {
    if (answered) flights.push([]);
    answered = false;
    flights.at(-1)?.push(String(this.text));
    return submit.apply(this, args);
  };
  query.handleReadyForQuery = function (this: typeof query, ...args: unknown[]) {
    answered = true;
    handleReadyForQuery.apply(this, args);
  };
  try {
    return { flights, result: await run() };
  } finally {
    Object.assign(query, { submit, handleReadyForQuery });
  }
}
