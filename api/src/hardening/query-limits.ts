import type { ApolloServerPlugin } from '@apollo/server';
import {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  isUnionType,
  DocumentNode,
  getArgumentValues,
} from 'graphql';

export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
}

export interface QueryMeasure {
  depth: number;
  cost: number;
}

/** Arguments that say how many items a list field returns. */
const PAGE_SIZE_ARGUMENTS = ['first', 'last', 'limit'];
/** Assumed length of a list field that has no page-size argument (members, suggestions, links…). */
const UNBOUNDED_LIST_FACTOR = 10;
const MAX_PAGE_FACTOR = 1000;

/**
 * Depth and cost of one operation. Each field costs 1; the fields below a list are counted once per
 * expected item: the page-size argument (with variables and schema defaults applied) or, for lists
 * without one, UNBOUNDED_LIST_FACTOR. The `nodes` list of a paginated field is already counted by
 * its parent's page size. Fragments are expanded; a fragment cycle is cut (validation reports it).
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): QueryMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const root =
    operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return { depth: 0, cost: 0 };

  const visit = (selectionSet: SelectionSetNode, parent: GraphQLNamedType, paged: boolean, seen: Set<string>): QueryMeasure => {
    let depth = 0;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      let inner: QueryMeasure;
      if (selection.kind === Kind.FIELD) {
        // introspection (__schema, __type) answers from the in-memory schema and is off in production;
        // tools' standard introspection query is deeper than any application query
        if (selection.name.value.startsWith('__')) continue;
        inner = visitField(selection, parent, paged, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typeName = selection.typeCondition?.name.value;
        inner = visit(selection.selectionSet, (typeName && schema.getType(typeName)) || parent, paged, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        const next = new Set(seen).add(fragment.name.value);
        inner = visit(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? parent, paged, next);
      }
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
    }
    return { depth, cost };
  };

  const visitField = (node: FieldNode, parent: GraphQLNamedType, paged: boolean, seen: Set<string>): QueryMeasure => {
    const field = fieldOf(parent, node.name.value);
    if (!node.selectionSet) return { depth: 1, cost: 1 };
    const type = field ? getNamedType(field.type) : parent;
    const pageSize = field ? pageSizeOf(field, node, variables) : null;
    const isList = field ? isListType(getNullableType(field.type)) : false;
    const factor = pageSize ?? (isList && !paged ? UNBOUNDED_LIST_FACTOR : 1);
    const inner = visit(node.selectionSet, type, pageSize !== null, seen);
    return { depth: inner.depth + 1, cost: 1 + factor * inner.cost };
  };

  return visit(operation.selectionSet, root, false, new Set());
}

function fieldOf(parent: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (isObjectType(parent) || isInterfaceType(parent)) return parent.getFields()[name];
  if (isUnionType(parent)) {
    for (const member of parent.getTypes()) {
      const field = member.getFields()[name];
      if (field) return field;
    }
  }
  return undefined;
}

function pageSizeOf(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): number | null {
  const name = PAGE_SIZE_ARGUMENTS.find((argument) => field.args.some((a) => a.name === argument));
  if (!name) return null;
  let value: unknown;
  try {
    value = getArgumentValues(field, node, variables)[name];
  } catch {
    value = undefined; // wrong variables: execution reports them
  }
  const size = typeof value === 'number' && Number.isFinite(value) ? value : UNBOUNDED_LIST_FACTOR;
  return Math.min(Math.max(Math.trunc(size), 1), MAX_PAGE_FACTOR);
}

export function queryTooComplex(message: string, extensions: Record<string, number>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: QUERY_TOO_COMPLEX, ...extensions, http: { status: 400 } } });
}

/**
 * The QUERY_TOO_COMPLEX error for an operation over the limits, or null. Used by the HTTP plugin below;
 * a WebSocket transport can call it from its own subscribe hook.
 */
export function queryLimitError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: QueryLimits,
): GraphQLError | null {
  const { depth, cost } = measureOperation(schema, document, operation, variables);
  if (depth > limits.maxDepth) {
    return queryTooComplex(`Query is too deep: depth ${depth} exceeds the limit of ${limits.maxDepth}`, { depth, maxDepth: limits.maxDepth });
  }
  if (cost > limits.maxCost) {
    return queryTooComplex(`Query is too complex: cost ${cost} exceeds the limit of ${limits.maxCost}`, { cost, maxCost: limits.maxCost });
  }
  return null;
}

/** Refuses operations deeper or costlier than the limits, before anything executes. */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const error = queryLimitError(schema, document, operation, request.variables ?? {}, limits);
          if (error) throw error;
        },
      };
    },
  };
}
