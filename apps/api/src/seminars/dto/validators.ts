import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, MaxLength } from 'class-validator';
import { IsTitleText } from '../../common/text/text-validators';
import { problem } from '../../common/validation/problem';

/** IDs travel as strings; only positive integers can name a row. */
export const IsRowId = (label: string) => applyDecorators(IsString(), MaxLength(12), Matches(/^[1-9]\d{0,9}$/, problem('INVALID_ID_FOR', { label })));

/** A short visible text: the common title rule (trimmed, one line, something visible). */
export const IsLabel = (label: string, min: number, max: number) => IsTitleText(label, min, max);

export const STAKE_TEXT_MAX = 1000;
export const MAX_STAKES_PER_CALL = 100;
