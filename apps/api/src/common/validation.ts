import { ValidationError, ValidationPipe } from '@nestjs/common';
import { badInput } from './errors';

function flatten(errors: ValidationError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message: frenchMessage(field, message) }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** class-validator's default messages are English; the ones we write ourselves are French already. */
function frenchMessage(field: string, message: string): string {
  if (/^[A-Za-zÀ-ÿ'«]/.test(message) && !message.startsWith(field) && !/must|should/.test(message)) return message;
  return `Valeur invalide pour « ${field} » (${message}).`;
}

/** Every argument is validated; failures become BAD_USER_INPUT naming the fields. */
export const validationPipe = new ValidationPipe({
  transform: true,
  whitelist: true,
  forbidUnknownValues: false,
  stopAtFirstError: true,
  exceptionFactory: (errors) => {
    const problems = flatten(errors);
    return badInput('INVALID_INPUT', { problems: problems.map((p) => p.message).join(' ') }, { fields: problems });
  },
});
