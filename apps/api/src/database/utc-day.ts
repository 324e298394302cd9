/** SQL: today (UTC), by the database's clock. */
export const TODAY = `(now() at time zone 'UTC')::date`;

/** SQL: the instant today (UTC) began. */
export const TODAY_STARTS = `(${TODAY}::timestamp at time zone 'UTC')`;
