import { HttpException, HttpStatus } from '@nestjs/common';
import { errorText, type ErrorParam, type ErrorReason, type ParamsArgument } from '@essaim/domain';
import { PublicErrorCode } from './errors';
import { requestLang } from './request-lang';

const STATUS = {
  [PublicErrorCode.BAD_USER_INPUT]: { status: HttpStatus.BAD_REQUEST, error: 'Bad Request' },
  [PublicErrorCode.NOT_FOUND]: { status: HttpStatus.NOT_FOUND, error: 'Not Found' },
} as const;

/**
 * A refusal of a REST endpoint (open data, uploads), said in the language of the request's
 * Accept-Language like GraphQL errors. The body keeps Nest's shape (`statusCode`, `message`,
 * `error`) and adds the contract's `code`, `reason` and `params`.
 */
export function restError<R extends ErrorReason>(
  code: keyof typeof STATUS,
  acceptLanguage: string | string[] | undefined,
  reason: R,
  ...[params]: ParamsArgument<R>
): HttpException {
  const { status, error } = STATUS[code];
  const values = (params ?? {}) as Readonly<Record<string, ErrorParam>>;
  const message = errorText(reason, values, requestLang(acceptLanguage));
  return new HttpException({ statusCode: status, message, error, code, reason, params: values }, status);
}
