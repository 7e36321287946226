import { CONTROL_CHARACTERS_REASON, ERROR_CODES, hasForbiddenTitleCharacters } from '@jianyan/shared';
import { GraphQLError, Kind, OperationTypeNode, visit, type DocumentNode } from 'graphql';

/**
 * Input fields holding a title or a name in every mutation (proposals, suggestions, evidence,
 * programs, people, organisations, file names...): one line of visible text. This plugin answers
 * early for the common shapes; the rule itself is part of the domain schemas (`oneLine` in
 * common/validation), which also hold variables of other names, defaults, imports and uploads.
 */
export const TITLE_AND_NAME_FIELDS: ReadonlySet<string> = new Set(['title', 'name', 'nameEn', 'displayName', 'fileName', 'issuingBody', 'replyingUnit', 'markedNames', 'documentTitle']);

function badTitle(field: string): GraphQLError {
  return new GraphQLError(`${field}: must not contain control characters or text-direction overrides (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F)`, {
    extensions: { code: ERROR_CODES.badUserInput, field, reason: CONTROL_CHARACTERS_REASON, http: { status: 400 } },
  });
}

const isBad = (value: unknown): boolean =>
  typeof value === 'string' ? hasForbiddenTitleCharacters(value) : Array.isArray(value) && value.some((v) => typeof v === 'string' && hasForbiddenTitleCharacters(v));

/** The first title or name field among the variables (at any depth) holding a forbidden character. */
function badFieldInVariables(value: unknown, depth = 0): string | null {
  if (depth > 64 || value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    if (TITLE_AND_NAME_FIELDS.has(key) && isBad(item)) return key;
    const nested = badFieldInVariables(item, depth + 1);
    if (nested) return nested;
  }
  return null;
}

/** The same for titles and names written into the operation itself. */
function badFieldInDocument(document: DocumentNode): string | null {
  let found: string | null = null;
  visit(document, {
    [Kind.OBJECT_FIELD]: (node) => {
      if (found || !TITLE_AND_NAME_FIELDS.has(node.name.value)) return;
      const strings = node.value.kind === Kind.STRING ? [node.value.value] : node.value.kind === Kind.LIST ? node.value.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : [])) : [];
      if (strings.some(hasForbiddenTitleCharacters)) found = node.name.value;
    },
    [Kind.ARGUMENT]: (node) => {
      if (!found && TITLE_AND_NAME_FIELDS.has(node.name.value) && node.value.kind === Kind.STRING && hasForbiddenTitleCharacters(node.value.value)) found = node.name.value;
    },
  });
  return found;
}

/** Refuses a mutation whose titles or names carry such characters: BAD_USER_INPUT naming the field. */
export function checkTitlesAndNames(operation: OperationTypeNode | undefined, document: DocumentNode, variables: Record<string, unknown> | undefined): void {
  if (operation !== OperationTypeNode.MUTATION) return;
  const field = badFieldInVariables(variables ?? {}) ?? badFieldInDocument(document);
  if (field) throw badTitle(field);
}
