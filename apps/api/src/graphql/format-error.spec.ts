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

  it('maps parse and validation failures to BAD_USER_INPUT', () => {
    const out = formatError(
      { message: 'Syntax Error', extensions: { code: 'GRAPHQL_PARSE_FAILED' } },
      undefined,
      noLog,
    );
    expect(out.extensions?.code).toBe('BAD_USER_INPUT');
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
