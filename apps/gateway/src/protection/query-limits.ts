import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { GraphQLError, Kind, validate, type DocumentNode, type GraphQLSchema } from 'graphql';

const DEFAULT_PAGE = 20;

/** A list field costs its children times the page asked for (`first`, 20 when not given). */
const connectionEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  if (typeof args['first'] === 'number') return 1 + childComplexity * Math.max(1, args['first']);
  if ('first' in args || 'after' in args) return 1 + childComplexity * DEFAULT_PAGE;
  return undefined;
};

function refused(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...extensions, http: { status: 400 } } });
}

function isIntrospectionOnly(document: DocumentNode): boolean {
  return document.definitions.every(
    (d) => d.kind !== Kind.OPERATION_DEFINITION || d.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__')),
  );
}

/** Depth of the operation (introspection fields aside), or the refusal. */
export function checkDepth(schema: GraphQLSchema, document: DocumentNode, maxDepth: number): GraphQLError | null {
  const [error] = validate(schema, document, [depthLimit(maxDepth)]);
  return error ? refused(`The query is nested deeper than the ${maxDepth} levels allowed.`, { limit: maxDepth, field: 'query' }) : null;
}

export function checkCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  maxCost: number,
): GraphQLError | null {
  if (isIntrospectionOnly(document)) return null;
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      variables,
      operationName,
      estimators: [connectionEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch {
    // Variables that do not coerce: execution refuses them with BAD_USER_INPUT naming the field,
    // before any resolver runs, so nothing costly can happen and that error is the better answer.
    return null;
  }
  return cost > maxCost
    ? refused(`The query would cost ${cost}, over the ${maxCost} allowed: ask for fewer items per page or fewer fields.`, { limit: maxCost, cost, field: 'query' })
    : null;
}

/**
 * Refuses, before anything is sent to a subgraph, queries deeper than `maxDepth` or costlier than
 * `maxCost` (graphql-depth-limit, graphql-query-complexity), as BAD_USER_INPUT naming the limit.
 */
export function queryLimitsPlugin<C extends BaseContext>(limits: { maxDepth: number; maxCost: number }): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const error =
            checkDepth(schema, document, limits.maxDepth) ??
            checkCost(schema, document, request.variables ?? undefined, request.operationName ?? undefined, limits.maxCost);
          if (error) throw error;
        },
      };
    },
  };
}
