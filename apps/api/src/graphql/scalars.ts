import { GraphQLISODateTime, type ScalarsTypeMap } from '@nestjs/graphql';
import { GraphQLScalarType, Kind } from 'graphql';
import { z } from 'zod';

const DATE_TIME_TEXT = z.iso.datetime({ offset: true });

/** A DateTime argument: an RFC 3339 date-time text with its time zone, nothing else. */
function parseDateTime(value: unknown): Date {
  if (!DATE_TIME_TEXT.safeParse(value).success) {
    throw new TypeError('Enter a date and time with its time zone, such as 2019-12-03T09:54:33Z');
  }
  return new Date(value as string);
}

/**
 * The contract's DateTime, strict about what it takes. @nestjs/graphql's own scalar makes a Date of
 * whatever it is given: `true` became 1970-01-01T00:00:00.001Z and a number milliseconds since 1970.
 * Answers are written as before (ISO 8601 at UTC); the range a date may span is the domain's rule.
 */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: GraphQLISODateTime.description,
  serialize: GraphQLISODateTime.serialize,
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** Maps the code's `Date` to it, for the app and the schema printer alike. */
export const scalarsMap: ScalarsTypeMap[] = [{ type: Date, scalar: DateTimeScalar }];
