import { Client } from 'pg';

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
