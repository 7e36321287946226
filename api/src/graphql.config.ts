import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLFormattedError } from 'graphql';
import { buildGraphQLContext } from './common/graphql-context';
import { JsonLogger } from './common/logger';
import { AppConfig } from './config/config';
import { databaseUnavailable, isDatabaseUnavailable } from './database/database-availability';
import { queryLimitsPlugin } from './hardening/query-limits';
import { textInputPlugin } from './hardening/text-input';

/** graphql-js's suggestions (`Did you mean "title"?`) name fields, types and enum values: the schema. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Errors we did not raise on purpose are logged and reach the client only as a code. In production
 * validation messages lose their suggestions, which would otherwise reveal the schema that
 * introspection hides.
 */
export function formatError(logger: JsonLogger, production = false) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
      const original = (error as { originalError?: Error })?.originalError ?? (error as Error);
      if (isDatabaseUnavailable(original)) {
        const refusal = databaseUnavailable();
        return { message: refusal.message, path: formatted.path, extensions: refusal.extensions };
      }
      logger.write('error', 'unhandled error in GraphQL operation', {
        error: original?.message,
        stack: original?.stack,
        path: formatted.path,
      });
      return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
    return production ? { ...formatted, message: formatted.message.replace(SUGGESTION, '') } : formatted;
  };
}

/** GraphQL over HTTP; subscriptions over WebSocket are served by GraphqlWsGateway (api/src/websockets). */
export function graphqlOptions(config: AppConfig, logger: JsonLogger): ApolloDriverConfig {
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    introspection: config.env !== 'production',
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // No landing page or sandbox in any mode (the embedded sandbox loads scripts from a CDN, which
    // our Content-Security-Policy forbids); introspection only outside production.
    plugins: [ApolloServerPluginLandingPageDisabled(), queryLimitsPlugin(config.graphqlLimits), textInputPlugin()],
    context: buildGraphQLContext,
    formatError: formatError(logger, config.env === 'production'),
  };
}
