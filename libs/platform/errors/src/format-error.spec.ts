import { ForbiddenException, Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { ConflictError, InputError, NotFoundError } from './app-errors';
import { formatGraphQLError } from './format-error';
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
});

describe('normaliseStrings', () => {
  it('NFC-normalises and trims strings at any depth, including null-prototype objects', () => {
    const input = Object.assign(Object.create(null), { name: ' Mänts\u0061\u0308lä ', tags: ['  x '], nested: { n: 1, s: 'a\u0308' } });
    expect(normaliseStrings(input)).toEqual({ name: 'Mäntsälä', tags: ['x'], nested: { n: 1, s: 'ä' } });
  });
});
