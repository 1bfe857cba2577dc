/**
 * Limits every operation must meet before any resolver runs: page sizes and cost. Depth,
 * aliases and tokens are checked earlier still, while parsing and validating (graphql-armor's
 * plugins in yoga.ts). Refusals are GraphQL errors with stable `extensions.code`s.
 */
import { complexityFromQuery } from '@pothos/plugin-complexity';
import { GraphQLError, getOperationAST, Kind, type ValueNode, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { MAX_PAGE_SIZE } from '../builder.js';

/** The limits, in one place so the tests and the docs agree. */
export const LIMITS = {
  /** Deepest selection (the full plan tree is 8 deep; connections add 2). */
  depth: 12,
  /** Aliases per operation. */
  aliases: 15,
  /** Lexical tokens per document. */
  tokens: 3000,
  /**
   * Cost per operation: every field costs 1 (connections 2), times the expected size of the
   * lists above it (connections: their `first`/`last`). The full Dorset plan tree costs about
   * 40,000.
   */
  cost: 150_000,
  /** Largest `first`/`last` of a connection. */
  pageSize: MAX_PAGE_SIZE,
} as const;

function argumentValue(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  return undefined;
}

/** The page sizes asked for above the limit, as refusals. */
export function pageSizeErrors(
  document: import('graphql').DocumentNode,
  variables: Record<string, unknown>,
): GraphQLError[] {
  const errors: GraphQLError[] = [];
  visit(document, {
    Argument(node) {
      if (node.name.value !== 'first' && node.name.value !== 'last') return;
      const value = argumentValue(node.value, variables);
      if (typeof value === 'number' && value > LIMITS.pageSize) {
        errors.push(
          new GraphQLError(
            `A page may hold at most ${LIMITS.pageSize} results; ${node.name.value}: ${value} is too many. Ask for ${LIMITS.pageSize} or fewer and page with \`after\`.`,
            { nodes: [node], extensions: { code: 'PAGE_SIZE_TOO_LARGE', max: LIMITS.pageSize } },
          ),
        );
      }
    },
  });
  return errors;
}

/** Refuses, before execution, operations with too large pages or too high a cost. */
export function useOperationLimits(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const variables = (args.variableValues ?? {}) as Record<string, unknown>;
      const pageErrors = pageSizeErrors(args.document, variables);
      if (pageErrors.length > 0) {
        setResultAndStopExecution({ errors: pageErrors });
        return;
      }
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation) return;
      const { complexity } = complexityFromQuery(args.document, {
        schema: args.schema,
        ctx: args.contextValue as object,
        variables,
      });
      if (complexity > LIMITS.cost) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(
              `This query would cost ${complexity}, more than the limit of ${LIMITS.cost}. Ask for fewer fields, smaller pages or fewer aliases.`,
              { extensions: { code: 'QUERY_TOO_COMPLEX', cost: complexity, max: LIMITS.cost } },
            ),
          ],
        });
      }
    },
  };
}
