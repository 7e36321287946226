import type { ApolloServerPlugin } from '@apollo/server';
import { ERROR_CODES } from '@jianyan/shared';
import { DocumentNode, GraphQLError, Kind, visit } from 'graphql';
import { checkTitlesAndNames } from './title-input';

/**
 * Text that cannot be stored faithfully: U+0000 (PostgreSQL refuses it in text columns) and lone
 * UTF-16 surrogates (not encodable as UTF-8: the drivers would silently turn them into U+FFFD, so the
 * stored text would differ from the text checked, e.g. two different sign-in identifiers becoming one).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isUnstorable(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

function containsUnstorableText(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return isUnstorable(value);
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((item) => containsUnstorableText(item, depth + 1));
  return Object.entries(value).some(([key, item]) => isUnstorable(key) || containsUnstorableText(item, depth + 1));
}

function documentContainsUnstorableText(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (isUnstorable(node.value)) found = true;
    },
  });
  return found;
}

/** Refuses operations whose arguments carry such text, or titles and names with control characters (title-input.ts), with BAD_USER_INPUT. */
export function textInputPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operation }) {
          checkTitlesAndNames(operation?.operation, document, request.variables);
          if (containsUnstorableText(request.variables) || documentContainsUnstorableText(document)) {
            throw new GraphQLError('Text must be well-formed Unicode without the NUL character (U+0000) or lone surrogates', {
              extensions: { code: ERROR_CODES.badUserInput, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
