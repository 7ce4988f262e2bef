import { ValidationPipe } from '@nestjs/common';
import { badInput } from './errors';
import { fieldProblems, sayProblems } from './validation/problem';

/**
 * Every argument is validated; failures become BAD_USER_INPUT naming the fields. Each field
 * carries its reason and parameters (common/validation/problem.ts), so the response says the
 * sentences in the caller's language (localised-errors.plugin.ts).
 */
export const validationPipe = new ValidationPipe({
  transform: true,
  whitelist: true,
  forbidUnknownValues: false,
  stopAtFirstError: true,
  exceptionFactory: (errors) => {
    const problems = fieldProblems(errors);
    return badInput('INVALID_INPUT', { problems: sayProblems(problems, 'fr') }, { fields: problems });
  },
});
