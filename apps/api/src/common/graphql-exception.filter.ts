import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';

/**
 * Hands every GraphQL error to Apollo's formatError (common/format-error.ts), the one place
 * where errors are mapped and unexpected ones logged. Without it Nest logs expected errors
 * such as BAD_USER_INPUT as if they were crashes.
 */
@Catch()
export class PassThroughGraphqlFilter implements GqlExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'graphql') throw exception;
    return exception;
  }
}
