import { formatError } from './format-error';

const noLog = () => undefined;

describe('formatError', () => {
  it('keeps contract codes and the fields of BAD_USER_INPUT', () => {
    const out = formatError(
      {
        message: 'Some fields are invalid',
        extensions: { code: 'BAD_USER_INPUT', fields: { name: 'Required' } },
      },
      undefined,
      noLog,
    );
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: { name: 'Required' } });
  });

  it('names the field of a variable that failed coercion', () => {
    const message =
      'Variable "$input" got invalid value "x" at "input.cadenceDays"; Int cannot represent non-integer value: "x"';
    const out = formatError({ message, extensions: { code: 'BAD_USER_INPUT' } }, undefined, noLog);
    expect(out.extensions?.fields).toEqual({ cadenceDays: message });
  });

  it('cuts short the values a long message quotes back, in its fields too', () => {
    const huge = 'x'.repeat(1_000_000);
    const message = `Variable "$input" got invalid value "${huge}" at "input.sentiment"; Int cannot represent non-integer value: "${huge}"`;
    const out = formatError({ message, extensions: { code: 'BAD_USER_INPUT' } }, undefined, noLog);
    const cut = `Variable "$input" got invalid value "${'x'.repeat(100)}…" at "input.sentiment"; Int cannot represent non-integer value: "${'x'.repeat(100)}…"`;
    expect(out.message).toBe(cut);
    expect(out.extensions?.fields).toEqual({ sentiment: cut });
  });

  it('keeps a short message as it is, escaped quotes and all', () => {
    const message = `Variable "$name" got invalid value "say \\"hi\\"" ; String cannot represent a non string value`;
    expect(formatError({ message, extensions: { code: 'BAD_USER_INPUT' } }, undefined, noLog).message).toBe(
      message,
    );
  });

  it('maps parse and validation failures to BAD_USER_INPUT', () => {
    const out = formatError(
      { message: 'Syntax Error', extensions: { code: 'GRAPHQL_PARSE_FAILED' } },
      undefined,
      noLog,
    );
    expect(out.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps the fields a validation rule of ours names', () => {
    const out = formatError(
      {
        message: 'A page holds at most 100 items: "first" of customers is too large',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', fields: { first: 'At most 100' } },
      },
      undefined,
      noLog,
    );
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: { first: 'At most 100' } });
  });

  it('drops "fields" of a client error that are not field messages', () => {
    const out = formatError(
      { message: 'Bad', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', fields: { first: 5 } } },
      undefined,
      noLog,
    );
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: {} });
  });

  describe('with hideSuggestions (production)', () => {
    const hide = { hideSuggestions: true };

    it.each([
      [
        'Cannot query field "nmae" on type "Member". Did you mean "name"?',
        'Cannot query field "nmae" on type "Member".',
      ],
      [
        'Value "NAM" does not exist in "CustomerOrder" enum. Did you mean the enum value "NAME" or "NEXT_CHECK_IN_DUE"?',
        'Value "NAM" does not exist in "CustomerOrder" enum.',
      ],
      [
        'Cannot query field "id" on type "TimelineEntry". Did you mean to use an inline fragment on "Interaction", "CheckIn", or "FrictionPoint"?',
        'Cannot query field "id" on type "TimelineEntry".',
      ],
    ])('drops the suggestion from %p', (message, expected) => {
      const out = formatError(
        { message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
        undefined,
        noLog,
        hide,
      );
      expect(out.message).toBe(expected);
    });

    it('drops it from the fields of a variable error as well', () => {
      const message =
        'Variable "$input" got invalid value { nmae: "Ada" }; Field "nmae" is not defined by type "CreateCustomerInput". Did you mean "name"?';
      const out = formatError({ message, extensions: { code: 'BAD_USER_INPUT' } }, undefined, noLog, hide);
      const expected =
        'Variable "$input" got invalid value { nmae: "Ada" }; Field "nmae" is not defined by type "CreateCustomerInput".';
      expect(out).toEqual({
        message: expected,
        locations: undefined,
        path: undefined,
        extensions: { code: 'BAD_USER_INPUT', fields: { input: expected } },
      });
    });

    it('leaves other messages as they are', () => {
      const out = formatError(
        {
          message: 'Some fields are invalid',
          extensions: { code: 'BAD_USER_INPUT', fields: { name: 'Required' } },
        },
        undefined,
        noLog,
        hide,
      );
      expect(out).toEqual({
        message: 'Some fields are invalid',
        locations: undefined,
        path: undefined,
        extensions: { code: 'BAD_USER_INPUT', fields: { name: 'Required' } },
      });
    });
  });

  it('hides internals of unknown errors, logs them and answers with the request id', () => {
    const logged: unknown[] = [];
    const original = new Error('relation "secret_table" does not exist');
    const out = formatError(
      { message: original.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } },
      original,
      (error) => {
        logged.push(error);
        return 'req-123';
      },
    );
    expect(out).toEqual({
      message: 'Something went wrong on our side. It has been logged.',
      path: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-123' },
    });
    expect(logged).toEqual([original]);
  });
});
