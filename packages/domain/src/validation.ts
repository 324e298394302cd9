import { z } from 'zod';

/** Field name → message, the shape of `extensions.fields` in a BAD_USER_INPUT error. */
export type FieldErrors = Record<string, string>;

export type Validated<T> = { ok: true; value: T } | { ok: false; fields: FieldErrors };

/**
 * Checks `input` against `schema` and names every bad field by its dotted path
 * (`profileFacts.0.label`), keeping the first message per field.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown): Validated<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  return { ok: false, fields };
}

/**
 * A half of a UTF-16 surrogate pair without its other half: JSON may carry one (`"\ud800"`), but it
 * is no character, so UTF-8 cannot encode it. Postgres refuses it in jsonb, and in text it would
 * silently become U+FFFD.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Refuses what Postgres cannot store as text: NUL characters (it refuses them) and lone surrogates
 * (see above). Refusing, rather than stripping, keeps what is stored exactly what was sent.
 */
export const storableText = <S extends z.ZodType<string>>(schema: S) =>
  schema
    .refine((s) => !s.includes('\u0000'), 'Must not contain NUL characters')
    .refine((s) => !LONE_SURROGATE.test(s), 'Must be valid Unicode text');

/** A trimmed, non-empty text of at most `max` characters. */
export const requiredText = (max: number) =>
  storableText(z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`));

/** Optional text: blank becomes null, so clearing a field stores nothing rather than "". */
export const optionalText = (max: number) =>
  storableText(z.string().trim().max(max, `At most ${max} characters`))
    .nullish()
    .transform((s) => (s ? s : null));

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'At most 254 characters')
  .pipe(z.email('Enter a valid email address'));

export const optionalEmail = z
  .string()
  .trim()
  .nullish()
  .transform((s) => (s ? s : null))
  .pipe(email.nullable());

export const password = z.string().min(10, 'Use at least 10 characters').max(200, 'At most 200 characters');

export const cadenceDays = z
  .number('Enter a number of days')
  .int('Use whole days')
  .min(1, 'At least 1 day')
  .max(365, 'At most 365 days');

export const id = z.uuid('Not a valid id');

/**
 * The instants a date may name: years 1 to 9999, as ISO 8601 writes them. A JavaScript Date reaches
 * ±275,760 years and Postgres 4713 BC to 294276 AD, so anything wider would fail to store.
 */
export const EARLIEST_DATE = new Date('0001-01-01T00:00:00.000Z');
export const LATEST_DATE = new Date('9999-12-31T23:59:59.999Z');

/** An instant: a Date (as the API's DateTime scalar gives it) or an ISO 8601 text with a zone (as a form sends it). */
export const dateTime = z
  .union(
    [z.date(), z.iso.datetime({ offset: true, error: 'Enter a date and time with its time zone' })],
    'Enter a date and time',
  )
  .transform((value) => (value instanceof Date ? value : new Date(value)))
  .refine((date) => !Number.isNaN(date.getTime()), 'Enter a valid date and time')
  .refine(
    (date) => date >= EARLIEST_DATE && date <= LATEST_DATE,
    'Enter a date between the years 1 and 9999',
  );

/**
 * A client's key for a create request: the same key again answers the first result instead of
 * creating twice (within 24 hours, per workspace).
 */
export const idempotencyKey = storableText(z.string().min(1, 'Required').max(200, 'At most 200 characters'))
  .nullish()
  .transform((s) => s ?? null);

/** An idempotency key given beside an input rather than in it (createTouchpoint). */
export const idempotencyKeyArgSchema = z.object({ idempotencyKey });

/**
 * The version of a record the client loaded, sent with an edit: when someone else's change came
 * first, the edit is refused. Leaving it out (or null) skips the check.
 */
export const expectedVersion = z
  .number('Not a version')
  .int('Not a version')
  .min(1, 'Not a version')
  .nullish()
  .transform((v) => v ?? undefined);
