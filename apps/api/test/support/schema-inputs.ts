/**
 * Requests for any operation of the schema, made from its types: a document selecting every field,
 * the places in its arguments where a value goes, what such a value names (a customer, a member, a
 * link…) and a valid value for each place. The isolation suite fills the places that name something
 * with another workspace's values; the fuzz suite puts something hostile in one place at a time.
 *
 * The schema is read from schema.graphql, which `npm run schema:check` keeps equal to the code, so
 * an operation added to the API is walked here without anyone listing it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { uniqueEmail } from './harness';

export const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8'));

export interface Operation {
  type: 'query' | 'mutation';
  name: string;
  field: GraphQLField<unknown, unknown>;
}

/** Every query and mutation, in the schema's (sorted) order. */
export function operations(): Operation[] {
  const of = (type: Operation['type'], fields: Record<string, GraphQLField<unknown, unknown>>) =>
    Object.values(fields).map((field) => ({ type, name: field.name, field }));
  return [
    ...of('query', schema.getQueryType()?.getFields() ?? {}),
    ...of('mutation', schema.getMutationType()?.getFields() ?? {}),
  ];
}

/** An operation whose arguments cannot be made: the suites fail naming it. */
export class Unsupported extends Error {}

/**
 * A place where a value goes: an argument or a field of an input object (of a list of them, its
 * first element). `path` runs from the argument: `['input', 'profileFacts', 0, 'label']`.
 */
export interface Position {
  path: (string | number)[];
  /** The argument's or field's own name. */
  name: string;
  /** As declared, with its `!` and `[]`. */
  type: GraphQLInputType;
  /** The schema gives a default, so leaving it out is fine even when it is non-null. */
  hasDefault: boolean;
}

export const isRequired = (position: Position) => isNonNullType(position.type) && !position.hasDefault;
/** Whether the position takes a list (`[ID!]!`): its value is an array of the element's. */
export const isList = (position: Position) =>
  isListType(isNonNullType(position.type) ? position.type.ofType : position.type);

/** Whether `inner` is `outer` or lies inside it (a field of its input object, at any depth). */
export const isWithin = (inner: Position, outer: Position) =>
  inner.path.length >= outer.path.length && outer.path.every((part, i) => inner.path[i] === part);

/** Input object fields of a position (with their paths), or none. */
function childrenOf(position: Position): Position[] {
  const named = getNamedType(position.type);
  if (!isInputObjectType(named)) return [];
  const base = isList(position) ? [...position.path, 0] : position.path;
  return Object.values(named.getFields()).map((field) => ({
    path: [...base, field.name],
    name: field.name,
    type: field.type,
    hasDefault: field.defaultValue !== undefined,
  }));
}

const argumentPositions = (op: Operation): Position[] =>
  op.field.args.map((arg) => ({
    path: [arg.name],
    name: arg.name,
    type: arg.type,
    hasDefault: arg.defaultValue !== undefined,
  }));

/** Every position of an operation's arguments, depth first. */
export function positionsOf(op: Operation): Position[] {
  const walk = (position: Position): Position[] => [position, ...childrenOf(position).flatMap(walk)];
  return argumentPositions(op).flatMap(walk);
}

/** The kinds of link a token can be (`access_tokens.kind`). */
export type LinkKind = 'invitation' | 'audit' | 'feedback' | 'survey';
export const LINK_KINDS: LinkKind[] = ['invitation', 'audit', 'feedback', 'survey'];

/** What a value names, when it names something that belongs to a workspace. */
export type Ref =
  /** A row's id, e.g. of a `customer` or `member`. */
  | { kind: 'id'; of: string }
  /** A link's token; the operation takes links of these kinds. */
  | { kind: 'token'; takes: LinkKind[] }
  /** A position in the operation's own connection. */
  | { kind: 'cursor' }
  /** A member's sign-in email. */
  | { kind: 'email' };

/** `<thing>Id` names a `<thing>`, except these. */
const ID_ALIASES: Record<string, string> = { owner: 'member', assignee: 'member' };
/** A token says nothing of its kind, so each public operation that takes one is listed here. */
const LINKS_TAKEN: Record<string, LinkKind[]> = {
  acceptInvitation: ['invitation'],
  invitationPreview: ['invitation'],
  publicAudit: ['audit'],
  recordPublicObservation: ['audit'],
  submitPublicAudit: ['audit'],
  feedbackForm: ['feedback', 'survey'],
  submitFeedback: ['feedback', 'survey'],
};
/**
 * Texts that name something, by `operation.argument`. Only signing in looks a member up by email;
 * signUp's and inviteMember's emails are new addresses, not references.
 */
const NAMING_TEXTS: Record<string, Ref> = { 'signIn.email': { kind: 'email' } };

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

/**
 * What the value at `position` names, or undefined when it names nothing (a text, a number…). An
 * `id` argument names what the operation returns (`updateCustomer(id)` → a customer); `<thing>Id`
 * and `<thing>Ids` name a `<thing>`.
 */
export function refOf(op: Operation, position: Position): Ref | undefined {
  const named = getNamedType(position.type).name;
  if (named === 'ID') {
    if (position.name === 'id') return { kind: 'id', of: lowerFirst(getNamedType(op.field.type).name) };
    const thing = /^(.+?)Ids?$/.exec(position.name)?.[1];
    if (!thing) throw new Unsupported(`${op.name}: what does the ID ${position.path.join('.')} name?`);
    return { kind: 'id', of: ID_ALIASES[thing] ?? thing };
  }
  if (named !== 'String') return undefined;
  if (position.name === 'token') {
    const takes = LINKS_TAKEN[op.name];
    if (!takes) throw new Unsupported(`${op.name}: which links does its token take? (LINKS_TAKEN)`);
    return { kind: 'token', takes };
  }
  if (position.name === 'after') return { kind: 'cursor' };
  return NAMING_TEXTS[`${op.name}.${position.name}`];
}

/**
 * A value of a leaf type that the domain's rules accept wherever it appears: texts short and plain,
 * every number 1 (inside each range the domain allows: ratings 1–5, scores, severities 1–3, days,
 * sentiment −2..2, page sizes), dates tomorrow (the only required one, a check-in's due date, must
 * be ahead), enums their first value.
 */
export function validLeaf(position: Position): unknown {
  const named = getNamedType(position.type);
  if (isEnumType(named)) return named.getValues()[0]?.value;
  switch (named.name) {
    case 'String':
      return (
        { email: uniqueEmail('probe'), password: 'probe password 1234', phone: '+44 20 7946 0000' }[
          position.name
        ] ?? 'Probe text'
      );
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'DateTime':
      return new Date(Date.now() + 86_400_000).toISOString();
  }
  throw new Unsupported(`no valid value for ${named.name} (${position.path.join('.')})`);
}

/** Leaves out a position (in `Fill`): a missing field or argument. */
export const OMIT = Symbol('omit');

/** The value for a position, or undefined for a valid one (for an input object: its included fields). */
export type Fill = (position: Position) => unknown;

export interface ArgumentOptions {
  fill?: Fill;
  /** Positions to include besides the default ones (a fuzzed one, and so its parents). */
  include?: (position: Position) => boolean;
}

/** Optional positions a rule needs once another is given, by `operation.path`. */
const NEEDED: Record<string, string> = {
  'setFeedbackAutoRequest.trigger': 'a survey to ask with needs the moment to ask',
};

/**
 * The arguments of `op`. A position is included when it is required or wanted: it names something
 * (the ids the isolation suite swaps, deep in optional inputs too), a rule needs it (`NEEDED`),
 * `include` asks for it, or it holds a wanted position. Other optional ones are left out, so the
 * operation runs at its defaults (a list unfiltered, a check-in list of PLANNED ones).
 */
export function argumentsOf(op: Operation, options: ArgumentOptions = {}): Record<string, unknown> {
  const { fill = () => undefined, include = () => false } = options;
  const wanted = (position: Position): boolean =>
    include(position) ||
    refOf(op, position) !== undefined ||
    `${op.name}.${position.path.join('.')}` in NEEDED ||
    childrenOf(position).some(wanted);
  const included = (position: Position) => isRequired(position) || wanted(position);
  const valid = (position: Position): unknown => {
    const children = childrenOf(position);
    const element = isInputObjectType(getNamedType(position.type)) ? objectOf(children) : validLeaf(position);
    return isList(position) ? [element] : element;
  };
  const valueAt = (position: Position) => {
    const filled = fill(position);
    return filled === undefined ? valid(position) : filled;
  };
  const objectOf = (positions: Position[]) => {
    const object: Record<string, unknown> = {};
    for (const position of positions.filter(included)) {
      const value = valueAt(position);
      if (value !== OMIT) object[position.name] = value;
    }
    return object;
  };
  return objectOf(argumentPositions(op));
}

/**
 * A selection of every field that takes no arguments: leaves, and objects `depth` levels down (below
 * that, their `id`). Enough to show any data an answer carries, within the cost limit.
 */
export function selectionOf(type: GraphQLOutputType | GraphQLNamedType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isUnionType(named)) {
    const members = named.getTypes().map((member) => `... on ${member.name} ${selectionOf(member, depth)}`);
    return `{ __typename ${members.join(' ')} }`;
  }
  if (!isObjectType(named)) throw new Unsupported(`no selection for ${named.name}`);
  const fields = Object.values(named.getFields())
    .filter((field) => field.args.length === 0)
    .map((field) => {
      const inner = getNamedType(field.type);
      if (isLeafType(inner)) return field.name;
      if (depth > 0) return `${field.name} ${selectionOf(inner, depth - 1)}`;
      return isObjectType(inner) && inner.getFields().id ? `${field.name} { id }` : '';
    });
  return `{ ${fields.filter(Boolean).join(' ')} }`;
}

/** `mutation UpdateCustomer($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { … } }` */
export function documentOf(op: Operation, depth = 3): string {
  const { args } = op.field;
  const variables = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const name = op.name.charAt(0).toUpperCase() + op.name.slice(1);
  return `${op.type} ${name}${variables ? `(${variables})` : ''} { ${op.name}${
    passed ? `(${passed})` : ''
  } ${selectionOf(op.field.type, depth)} }`;
}
