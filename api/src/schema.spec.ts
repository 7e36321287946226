import { GraphQLSchemaHost } from '@nestjs/graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { printSortedSchema } from './schema-file';
import { TestApp, startTestApp } from './test-support/test-app';

describe('committed GraphQL schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO: 'false' });
  });
  afterAll(() => t.close());

  it('matches the schema the code builds (run `npm run schema` after changing the API)', () => {
    const committed = readFileSync(path.join(__dirname, '../schema.graphql'), 'utf8');
    const built = printSortedSchema(t.app.get(GraphQLSchemaHost).schema);
    expect(built).toBe(committed);
  });
});
