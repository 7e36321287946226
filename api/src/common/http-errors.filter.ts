import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';

const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  RAW_CLEARANCE_REQUIRED: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  BAD_USER_INPUT: HttpStatus.BAD_REQUEST,
  CONFLICT: HttpStatus.CONFLICT,
  TOO_MANY_ATTEMPTS: HttpStatus.TOO_MANY_REQUESTS,
  TOO_MANY_REQUESTS: HttpStatus.TOO_MANY_REQUESTS,
  SERVICE_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
};

/**
 * The guard and the services throw GraphQL errors with stable codes. On plain HTTP routes
 * (exports, health) they become the matching status with the same code; in GraphQL they pass through.
 */
@Catch(GraphQLError)
export class GraphQLErrorHttpFilter implements ExceptionFilter {
  catch(error: GraphQLError, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'http') return error;
    const code = String(error.extensions.code ?? 'INTERNAL_SERVER_ERROR');
    const status = STATUS_BY_CODE[code] ?? HttpStatus.INTERNAL_SERVER_ERROR;
    host.switchToHttp().getResponse<Response>().status(status).json({ code, message: error.message });
    return undefined;
  }
}
