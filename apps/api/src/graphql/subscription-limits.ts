import type { INestApplication } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { AppError, PublicErrorCode } from '../common/errors';
import { limitMessage } from '../common/format-error';
import { findGraphqlWsServer } from '../operations/shutdown';
import { cachedParse } from './live/shared-execution';
import { MAX_BODY_BYTES } from '../web/api-body-parser';

/**
 * The limits of POST /graphql, over the WebSocket too (graphql-ws parses and validates on its own,
 * outside Apollo and its formatError): a message larger than an HTTP body is refused by the socket
 * itself (close 1009 "Message Too Big"); a document over the token limit gets a BAD_USER_INPUT
 * error with the same French message as over HTTP (graphql-ws would otherwise close the socket
 * with "Internal server error"), and the socket stays open for other subscriptions.
 */
export function refuseOversizedSubscriptions(maxTokens: number) {
  return (_ctx: unknown, _id: string, payload: { query?: unknown }): GraphQLError[] | void => {
    if (typeof payload?.query !== 'string') return;
    try {
      cachedParse(payload.query, maxTokens);
    } catch (error) {
      if (error instanceof GraphQLError) return [refused(error)];
      throw error;
    }
  };
}

/** Depth, aliases, cost…: the validation rules' errors, said as over HTTP (French, BAD_USER_INPUT). */
export function limitErrorsInFrench(errors: readonly GraphQLError[]): readonly GraphQLError[] {
  return errors.some((e) => limitMessage(e.message)) ? errors.map(refused) : errors;
}

const refused = (error: GraphQLError) => {
  const limit = limitMessage(error.message);
  return limit ? AppError.of(PublicErrorCode.BAD_USER_INPUT, limit) : error;
};

/** The WebSocket server takes no message larger than an HTTP request body (ws's default is 100 MiB). */
export function limitWebSocketMessages(app: INestApplication): boolean {
  const wss = findGraphqlWsServer(app);
  if (!wss) return false;
  wss.options.maxPayload = parseBytes(MAX_BODY_BYTES);
  return true;
}

const parseBytes = (size: string) => {
  const match = /^(\d+)(kb|mb)$/i.exec(size);
  if (!match) throw new Error(`Unreadable size: ${size}`);
  return Number(match[1]) * (match[2].toLowerCase() === 'mb' ? 1024 * 1024 : 1024);
};
