import { z } from 'zod';
import { CUSTOMER_ORDERS, CUSTOMER_STATUSES, HEALTH_BANDS } from './enums';
import {
  cadenceDays,
  expectedVersion,
  id,
  idempotencyKey,
  optionalEmail,
  optionalText,
  requiredText,
} from './validation';

export const MAX_TAGS = 20;
export const MAX_PROFILE_FACTS = 50;

/**
 * Tags are trimmed, lower-cased and de-duplicated so `VIP` and ` vip` are one tag; the limit counts
 * distinct tags, after de-duplication.
 */
const tags = z
  .array(
    requiredText(40).transform((t) => t.toLowerCase()),
    'Must be a list of tags',
  )
  .transform((list) => [...new Set(list)])
  .refine((list) => list.length <= MAX_TAGS, `At most ${MAX_TAGS} tags`);

export const profileFactSchema = z.object({
  label: requiredText(60),
  value: requiredText(500),
});
export type ProfileFact = z.output<typeof profileFactSchema>;

const profileFacts = z.array(profileFactSchema).max(MAX_PROFILE_FACTS, `At most ${MAX_PROFILE_FACTS} facts`);

/** Digits with the usual separators, on one line, with at least one digit. */
const phone = optionalText(40).refine(
  (p) => p === null || /^(?=.*\d)[+()\d .\-/]{3,40}$/.test(p),
  'Use digits, spaces and + ( ) - . / only',
);

const customerFields = {
  name: requiredText(200),
  company: optionalText(200),
  email: optionalEmail,
  phone,
  tags,
  notes: optionalText(10_000),
  profileFacts,
  ownerId: id.nullish(),
  cadenceDays: cadenceDays.nullish(),
};

export const createCustomerSchema = z.object({
  ...customerFields,
  tags: tags.nullish().transform((t) => t ?? []),
  profileFacts: profileFacts.nullish().transform((f) => f ?? []),
  idempotencyKey,
});
export type CreateCustomerInput = z.output<typeof createCustomerSchema>;

/**
 * An update names only the fields it changes. `null` clears an optional field; `name`, `tags` and
 * `profileFacts` cannot be null.
 */
export const updateCustomerSchema = z.object({
  name: customerFields.name.optional(),
  company: customerFields.company.optional(),
  email: customerFields.email.optional(),
  phone: customerFields.phone.optional(),
  tags: tags.optional(),
  notes: customerFields.notes.optional(),
  profileFacts: profileFacts.optional(),
  ownerId: customerFields.ownerId.optional(),
  cadenceDays: customerFields.cadenceDays.optional(),
  version: expectedVersion,
});
export type UpdateCustomerInput = z.output<typeof updateCustomerSchema>;

export const MAX_PAGE_SIZE = 100;

export const customerFilterSchema = z.object({
  search: optionalText(200),
  tag: optionalText(40).transform((t) => t?.toLowerCase() ?? null),
  ownerId: id.nullish(),
  status: z.enum(CUSTOMER_STATUSES).nullish(),
  band: z.enum(HEALTH_BANDS).nullish(),
  checkInOverdue: z.boolean().nullish(),
});
export type CustomerFilter = z.output<typeof customerFilterSchema>;

/** Written only with the characters of a phone number (any spacing, as a search may be typed). */
const PHONE_LIKE = /^[+()\d\s.\-/]+$/;

/**
 * The digits a customers search also matches phones by, when it looks like a phone number (phone
 * characters only, three digits at least: "(555) 010" finds "+1 555-010-2030"); null for any other
 * search, whose digits may be part of a name ("Studio 777").
 */
export function phoneSearchDigits(search: string): string | null {
  const digits = search.replace(/\D/g, '');
  return PHONE_LIKE.test(search) && digits.length >= 3 ? digits : null;
}

/** Paging arguments; `null` means the same as leaving the argument out. */
export const customerPageSchema = z.object({
  first: z
    .number('Enter a number')
    .int('Use a whole number')
    .min(1, 'At least 1')
    .max(MAX_PAGE_SIZE, `At most ${MAX_PAGE_SIZE}`)
    .nullish()
    .transform((n) => n ?? 50),
  after: z.string().max(500, 'Not a valid cursor').nullish(),
  orderBy: z
    .enum(CUSTOMER_ORDERS)
    .nullish()
    .transform((o) => o ?? 'NAME'),
  filter: customerFilterSchema.nullish(),
});

/** The effective check-in cadence: the customer's own, else the workspace default. */
export function effectiveCadenceDays(
  customerCadence: number | null | undefined,
  workspaceDefault: number,
): number {
  return customerCadence ?? workspaceDefault;
}
