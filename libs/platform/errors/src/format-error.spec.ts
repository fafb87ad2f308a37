import { ForbiddenException, Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { ConflictError, InputError, NotFoundError, QueryTooComplexError } from './app-errors';
import { formatGraphQLError, withoutSuggestions } from './format-error';
import { normaliseStrings } from './validation.pipe';

const format = (error: unknown) =>
  formatGraphQLError({ message: error instanceof Error ? error.message : 'x', path: ['field'] }, new GraphQLError('wrapped', { originalError: error as Error, path: ['field'] }));

describe('formatGraphQLError', () => {
  // Internal errors are logged with their stack; keep the test output quiet.
  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));

  it('passes errors raised on purpose with their code and field list', () => {
    expect(format(new NotFoundError('Organisation'))).toEqual({ path: ['field'], locations: undefined, message: 'Organisation not found', extensions: { code: 'NOT_FOUND' } });
    expect(format(new InputError([{ field: 'input.name', message: 'too long' }])).extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.name', message: 'too long' }] });
    expect(format(new ConflictError('taken')).extensions).toEqual({ code: 'CONFLICT' });
  });

  it('maps Nest HTTP exceptions to codes', () => {
    expect(format(new ForbiddenException()).extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('hides driver errors and bugs: no SQL, table, constraint or stack', () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "organisations_tenant_name_key"'), {
      code: '23505',
      table: 'organisations',
      query: 'INSERT INTO organisations ...',
    });
    const formatted = format(driverError);
    expect(formatted).toEqual({ path: ['field'], locations: undefined, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(formatted)).not.toMatch(/organisations|INSERT|stack|23505/);
  });

  it('hides a statement timeout like any driver error', () => {
    const timeout = Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014', query: 'SELECT * FROM people WHERE tenant_id = $1' });
    expect(format(timeout)).toEqual({ path: ['field'], locations: undefined, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('keeps the code of an AppError that a validation rule reported (Apollo wraps it as GRAPHQL_VALIDATION_FAILED)', () => {
    const limit = new QueryTooComplexError('Query depth limit of 8 exceeded, found 9.');
    const wrapped = new GraphQLError(limit.message, { originalError: limit, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(formatGraphQLError({ message: wrapped.message }, wrapped)).toEqual({ message: limit.message, extensions: { code: 'QUERY_TOO_COMPLEX' }, locations: undefined, path: undefined });
  });
});

describe('withoutSuggestions', () => {
  it('cuts every kind of graphql-js suggestion and leaves other messages alone', () => {
    const messages = [
      ['Cannot query field "nme" on type "Me". Did you mean "name"?', 'Cannot query field "nme" on type "Me".'],
      ['Unknown argument "frist" on field "Query.people". Did you mean "first"?', 'Unknown argument "frist" on field "Query.people".'],
      ['Value "COUNTY" does not exist in "Role" enum. Did you mean the enum value "COUNTY_ADMIN" or "COUNTY_COORDINATOR"?', 'Value "COUNTY" does not exist in "Role" enum.'],
      ['Unknown type "Persn". Did you mean "Person", "PersonRef", or "PersonUnit"?', 'Unknown type "Persn".'],
      ['Organisation not found', 'Organisation not found'],
    ];
    for (const [message, expected] of messages) expect(withoutSuggestions({ message, extensions: { code: 'X' } })).toEqual({ message: expected, extensions: { code: 'X' } });
  });
});

describe('normaliseStrings', () => {
  it('NFC-normalises and trims strings at any depth, including null-prototype objects', () => {
    const input = Object.assign(Object.create(null), { name: ' Mänts\u0061\u0308lä ', tags: ['  x '], nested: { n: 1, s: 'a\u0308' } });
    expect(normaliseStrings(input)).toEqual({ name: 'Mäntsälä', tags: ['x'], nested: { n: 1, s: 'ä' } });
  });
});
