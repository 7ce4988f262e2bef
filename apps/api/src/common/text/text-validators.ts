import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, Length, ValidateBy, ValidationOptions } from 'class-validator';
import { LINE_TEXT_RULES, normaliseDisplayName, trimmed } from './text-rules';
import { problem, type ProblemOptions } from '../validation/problem';

export interface TextRuleOptions {
  /** Applies to every item of a list. */
  each?: boolean;
  /** Overrides the length message: `problem('TITLE_LENGTH', { min, max })`. */
  lengthMessage?: ProblemOptions;
  /** With `each`: items empty once trimmed are dropped (a pasted list's blank lines). */
  dropEmptyItems?: boolean;
}

function trimItems(value: unknown, dropEmpty: boolean): unknown {
  if (!Array.isArray(value)) return trimmed(value);
  const items = value.map(trimmed);
  return dropEmpty ? items.filter((item) => item !== '') : items;
}

/** One line, no bidi override, something visible: one constraint per rule, so each refusal has its reason. */
function OneLineVisible(label: string, options: ValidationOptions = {}) {
  return applyDecorators(
    ...LINE_TEXT_RULES.map((rule) =>
      ValidateBy(
        { name: rule.name, validator: { validate: (value: unknown) => typeof value !== 'string' || rule.accepts(value) } },
        { ...options, ...problem(rule.reason, { label }) },
      ),
    ),
  );
}

const lengthProblem = (label: string, min: number, max: number, options: TextRuleOptions) =>
  options.lengthMessage ?? problem('TEXT_LENGTH_BETWEEN', { label, min, max });

/**
 * Every title, name and short label: trimmed, `min`–`max` characters, one line, at least one
 * visible character, no bidi override. Lone surrogates and NUL never get this far (text-input plugin).
 */
export const IsTitleText = (label: string, min: number, max: number, options: TextRuleOptions = {}) =>
  applyDecorators(
    Transform(({ value }) => (options.each ? trimItems(value, !!options.dropEmptyItems) : trimmed(value))),
    IsString({ each: options.each }),
    Length(min, max, { each: options.each, ...lengthProblem(label, min, max, options) }),
    OneLineVisible(label, { each: options.each }),
  );

/** A person's display name: normalised (NFKC, invisible and bidi characters removed) then checked like a title. */
export const IsDisplayNameText = (label: string, min: number, max: number, options: TextRuleOptions = {}) =>
  applyDecorators(
    Transform(({ value }) => normaliseDisplayName(value)),
    IsString(),
    Length(min, max, lengthProblem(label, min, max, options)),
    OneLineVisible(label),
    ValidateBy(
      { name: 'noAngleBrackets', validator: { validate: (value: unknown) => typeof value !== 'string' || !/[<>]/.test(value) } },
      problem('TEXT_HAS_ANGLE_BRACKETS', { label }),
    ),
  );
