import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DocumentNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, parse, visit } from 'graphql';

export interface WebOperation {
  name: string;
  file: string;
  document: DocumentNode;
  operation: OperationDefinitionNode;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const full = path.join(folder, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry) && !/\.(spec|test)\.tsx?$/.test(entry) ? [full] : [];
  });
}

/**
 * Every operation the web app sends, read from the gql`…` literals under web/src (fragment
 * interpolations `${…}` are dropped and the named fragments found in any file are appended; string
 * constants are spliced in), so
 * tests measure exactly what the app asks for, including pages added later.
 */
export function webOperations(webSource = path.resolve(__dirname, '../../../web/src')): WebOperation[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: { file: string; operation: OperationDefinitionNode }[] = [];
  for (const file of sourceFiles(webSource)) {
    const text = readFileSync(file, 'utf8');
    // plain string constants spliced into selections (`byYear { ${RATE} }`); gql fragments are appended below
    const strings = new Map<string, string>();
    for (const match of text.matchAll(/const (\w+)(?::[^=]+)?\s*=\s*(['"`])([^'"`$]*)\2/g)) strings.set(match[1], match[3]);
    for (const match of text.matchAll(/gql`([^`]*)`/g)) {
      const document = parse(match[1].replace(/\$\{\s*(\w+)\s*\}/g, (_, name: string) => strings.get(name) ?? ''));
      for (const definition of document.definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
        if (definition.kind === Kind.OPERATION_DEFINITION) operations.push({ file: path.relative(webSource, file), operation: definition });
      }
    }
  }
  return operations.map(({ file, operation }) => {
    const needed = new Map<string, FragmentDefinitionNode>();
    const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
      visit(node, {
        FragmentSpread(spread) {
          const fragment = fragments.get(spread.name.value);
          if (fragment && !needed.has(fragment.name.value)) {
            needed.set(fragment.name.value, fragment);
            collect(fragment);
          }
        },
      });
    collect(operation);
    const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...needed.values()] };
    return { name: operation.name?.value ?? '(anonymous)', file, document, operation };
  });
}
