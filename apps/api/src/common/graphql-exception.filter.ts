import { ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import type { Response } from 'express';
import { isErrorReason } from '@essaim/domain';

/**
 * Hands every GraphQL error to Apollo's formatError (common/format-error.ts), the one place
 * where errors are mapped and unexpected ones logged. Without it Nest logs expected errors
 * such as BAD_USER_INPUT as if they were crashes.
 */
@Catch()
export class PassThroughGraphqlFilter implements GqlExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'graphql') return sendRestError(exception, host);
    return asError(exception);
  }
}

/**
 * What the filter returns becomes the field's value, and graphql-js treats it as an error only if
 * it is `instanceof Error`. A throwable from another realm is not (Node's own system errors, such
 * as ECONNREFUSED from a lost database, inside a sandbox like jest's): wrapped, with the original
 * as `cause` so formatError still recognises it, instead of being returned as data.
 */
export function asError(exception: unknown): Error {
  if (exception instanceof Error) return exception;
  const message = typeof (exception as { message?: unknown })?.message === 'string' ? (exception as { message: string }).message : String(exception);
  return new Error(message, { cause: exception });
}

/**
 * A REST refusal built by restError (rest-errors.ts: a catalogue reason, said in the request's
 * language) is sent as its JSON body; any other exception goes on to Express as before.
 */
function sendRestError(exception: unknown, host: ArgumentsHost): void {
  const body = exception instanceof HttpException ? exception.getResponse() : undefined;
  const response = host.switchToHttp().getResponse<Response>();
  if (!body || typeof body !== 'object' || !isErrorReason((body as { reason?: unknown }).reason) || response.headersSent) throw exception;
  response.status((exception as HttpException).getStatus()).json(body);
}
