/** Turns a domain `as const` tuple into the `{ NAME: 'NAME' }` object that registerEnumType takes. */
export function asGraphqlEnum<const T extends readonly string[]>(values: T): { [K in T[number]]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };
}
