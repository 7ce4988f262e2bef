import { ERROR_CATALOGUE } from './catalogue';

/** Languages the error messages are written in (French by default, like the interface). */
export type ErrorLang = 'fr' | 'en';
export const ERROR_LANGS: readonly ErrorLang[] = ['fr', 'en'];

/** A stable, machine-readable name of what went wrong: the key of its sentence in the catalogue. */
export type ErrorReason = keyof typeof ERROR_CATALOGUE;

/**
 * A parameter of a message: a name or a number said the same in both languages, or a word that
 * itself depends on the language (a status label, an action).
 */
export type ErrorParam = string | number | Readonly<Record<ErrorLang, string>>;

/** The `{name}` placeholders of a sentence, as a union of names (computed by the type checker). */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The parameters a reason's sentence needs, by name. */
export type ErrorParams<R extends ErrorReason> = { [Name in Placeholders<(typeof ERROR_CATALOGUE)[R]['fr']>]: ErrorParam };

/** A message not said yet: its reason and parameters, put into words per request. */
export type ErrorMessage<R extends ErrorReason = ErrorReason> = R extends ErrorReason ? { reason: R; params: ErrorParams<R> } : never;

/** Builds an ErrorMessage with its parameters checked against the sentence. */
export function errorMessage<R extends ErrorReason>(reason: R, ...[params]: ParamsArgument<R>): ErrorMessage<R> {
  return { reason, params: params ?? {} } as ErrorMessage<R>;
}

/** `params` is required exactly when the sentence has placeholders. */
export type ParamsArgument<R extends ErrorReason> = [keyof ErrorParams<R>] extends [never] ? [params?: Record<string, never>] : [params: ErrorParams<R>];

export const isErrorReason = (value: unknown): value is ErrorReason => typeof value === 'string' && Object.hasOwn(ERROR_CATALOGUE, value);

/** The names of the `{name}` placeholders of a sentence, in order of appearance (repeats kept once). */
export function placeholdersOf(sentence: string): string[] {
  return [...new Set([...sentence.matchAll(/\{(\w+)\}/g)].map((match) => match[1]))];
}

/**
 * The sentence of `reason` in `lang`, its placeholders replaced by `params` (numbers as written,
 * bilingual words in `lang`). A missing parameter stays as `{name}` rather than failing.
 */
export function errorText(reason: ErrorReason, params: Readonly<Record<string, ErrorParam>> | undefined, lang: ErrorLang): string {
  const sentence: string = ERROR_CATALOGUE[reason][lang];
  return sentence.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) return whole;
    return typeof value === 'object' ? value[lang] : String(value);
  });
}

/** Say an ErrorMessage in one language. */
export const sayError = (message: ErrorMessage, lang: ErrorLang): string =>
  errorText(message.reason, message.params as Readonly<Record<string, ErrorParam>>, lang);

/** A message as a bilingual word, to pass as a parameter of another message. */
export const bilingual = (message: ErrorMessage): Record<ErrorLang, string> => ({ fr: sayError(message, 'fr'), en: sayError(message, 'en') });
