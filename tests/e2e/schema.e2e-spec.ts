import { GraphQLSchemaHost } from '@nestjs/graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { SCHEMA_FILE } from '../../apps/api/src/api.module';
import { TestApi } from '../support/test-api';

const HEADER = `# ------------------------------------------------------
# THIS FILE WAS AUTOMATICALLY GENERATED (DO NOT MODIFY)
# ------------------------------------------------------

`;

/** The committed schema is what the code serves, so every API change shows up in review. */
describe('committed GraphQL schema', () => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start()));
  afterAll(() => api.close());

  it('matches the schema the code generates (update with `npm run schema`)', () => {
    const generated = HEADER + printSchema(lexicographicSortSchema(api.app.get(GraphQLSchemaHost).schema));
    if (process.env['UPDATE_SCHEMA'] === '1') writeFileSync(SCHEMA_FILE, generated);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });
});
