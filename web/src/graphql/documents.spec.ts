import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Kind, buildSchema, validate, type DocumentNode } from 'graphql';

/**
 * Every GraphQL document the web app sends must be valid against the committed api/schema.graphql,
 * so a breaking change to the API fails here instead of in a user's browser.
 */
const SRC = path.join(__dirname, '..');
const schema = buildSchema(readFileSync(path.join(SRC, '../../api/schema.graphql'), 'utf8'));

function documentModules(): string[] {
  const files = readdirSync(path.join(SRC, 'graphql'))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts') && name !== 'client.ts')
    .map((name) => path.join(SRC, 'graphql', name));
  for (const dir of readdirSync(SRC, { withFileTypes: true })) {
    const candidate = path.join(SRC, dir.name, 'graphql.ts');
    if (dir.isDirectory() && dir.name !== 'graphql' && readdirSync(path.join(SRC, dir.name)).includes('graphql.ts')) files.push(candidate);
  }
  return files;
}

function isDocument(value: unknown): value is DocumentNode {
  return typeof value === 'object' && value !== null && (value as DocumentNode).kind === Kind.DOCUMENT;
}

const operations = documentModules().flatMap((file) =>
  Object.entries(require(file) as Record<string, unknown>)
    .filter((entry): entry is [string, DocumentNode] => isDocument(entry[1]))
    // fragment-only exports are checked inside the operations that spread them
    .filter(([, doc]) => doc.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION))
    .map(([name, doc]) => ({ name: `${path.relative(SRC, file)} ${name}`, doc })),
);

describe('web GraphQL documents against api/schema.graphql', () => {
  it('finds the documents of every feature', () => {
    const features = new Set(operations.map((o) => o.name.split(path.sep)[0]));
    expect([...features].sort()).toEqual(expect.arrayContaining(['adoption', 'dashboard', 'graphql', 'notifications', 'programs', 'search']));
    expect(operations.length).toBeGreaterThan(40);
  });

  it.each(operations.map((o) => [o.name, o.doc] as const))('%s is valid', (_name, doc) => {
    expect(validate(schema, doc).map((error) => error.message)).toEqual([]);
  });
});
