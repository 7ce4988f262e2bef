import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, Length, ValidateBy, ValidationOptions } from 'class-validator';
import { lineTextProblem, normaliseDisplayName, trimmed } from './text-rules';

export interface TextRuleOptions {
  /** Applies to every item of a list. */
  each?: boolean;
  /** Overrides the length message. */
  lengthMessage?: string;
  /** With `each`: items empty once trimmed are dropped (a pasted list's blank lines). */
  dropEmptyItems?: boolean;
}

function trimItems(value: unknown, dropEmpty: boolean): unknown {
  if (!Array.isArray(value)) return trimmed(value);
  const items = value.map(trimmed);
  return dropEmpty ? items.filter((item) => item !== '') : items;
}

function OneLineVisible(label: string, options: ValidationOptions = {}) {
  return ValidateBy(
    {
      name: 'oneLineVisibleText',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || lineTextProblem(value, label) === null,
        defaultMessage: (args) => lineTextProblem(String(args?.value ?? ''), label) ?? `« ${label} » est invalide.`,
      },
    },
    options,
  );
}

/**
 * Every title, name and short label: trimmed, `min`–`max` characters, one line, at least one
 * visible character, no bidi override. Lone surrogates and NUL never get this far (text-input plugin).
 */
export const IsTitleText = (label: string, min: number, max: number, options: TextRuleOptions = {}) =>
  applyDecorators(
    Transform(({ value }) => (options.each ? trimItems(value, !!options.dropEmptyItems) : trimmed(value))),
    IsString({ each: options.each }),
    Length(min, max, { each: options.each, message: options.lengthMessage ?? `« ${label} » doit contenir entre ${min} et ${max} caractères.` }),
    OneLineVisible(label, { each: options.each }),
  );

/** A person's display name: normalised (NFKC, invisible and bidi characters removed) then checked like a title. */
export const IsDisplayNameText = (label: string, min: number, max: number, options: TextRuleOptions = {}) =>
  applyDecorators(
    Transform(({ value }) => normaliseDisplayName(value)),
    IsString(),
    Length(min, max, { message: options.lengthMessage ?? `« ${label} » doit contenir entre ${min} et ${max} caractères.` }),
    OneLineVisible(label),
    ValidateBy({
      name: 'noAngleBrackets',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !/[<>]/.test(value),
        defaultMessage: () => `« ${label} » ne peut pas contenir les caractères < et >.`,
      },
    }),
  );
