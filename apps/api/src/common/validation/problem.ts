import type { ValidationError } from 'class-validator';
import { errorText, isErrorReason, type ErrorLang, type ErrorParam, type ErrorReason, type ParamsArgument } from '@essaim/domain';

type Params = Readonly<Record<string, ErrorParam>>;

/** Why one argument is refused: a catalogue reason and its parameters, said per request. */
export interface Problem {
  reason: ErrorReason;
  params: Params;
}

/** The options a class-validator decorator takes to say a problem: its French sentence and, as context, the reason. */
export interface ProblemOptions {
  message: string;
  context: Problem;
}

/**
 * The message of a validation decorator, from the catalogue: `@MaxLength(200, problem('SEARCH_QUERY_TOO_LONG'))`,
 * or spread beside other options: `{ each: true, ...problem('UNKNOWN_THEME') }`. The French sentence
 * stays the message (logs, class-validator's own output); the reason and parameters travel as the
 * constraint's context, so that the refusal can be said in the caller's language.
 */
export function problem<R extends ErrorReason>(reason: R, ...[params]: ParamsArgument<R>): ProblemOptions {
  const context: Problem = { reason, params: (params ?? {}) as Params };
  return { message: errorText(reason, context.params, 'fr'), context };
}

/** One refused argument as the API reports it in `details.fields`. */
export interface FieldProblem extends Problem {
  field: string;
  message: string;
}

/** The problems of a class-validator result, one per failed constraint, children after their parent. */
export function fieldProblems(errors: readonly ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => {
      const found = constraintProblem(error.contexts?.[constraint], field, message);
      return { field, ...found, message: errorText(found.reason, found.params, 'fr') };
    });
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/** A constraint without a catalogue reason is one of class-validator's own (English) messages. */
function constraintProblem(context: unknown, field: string, message: string): Problem {
  const candidate = context as Partial<Problem> | undefined;
  if (candidate && isErrorReason(candidate.reason)) return { reason: candidate.reason, params: candidate.params ?? {} };
  return { reason: 'INVALID_VALUE', params: { field, detail: message } };
}

/** The problems said in one language, one sentence after the other (the `problems` of INVALID_INPUT). */
export const sayProblems = (problems: readonly Problem[], lang: ErrorLang): string => problems.map((p) => errorText(p.reason, p.params, lang)).join(' ');
