import { applyDecorators } from '@nestjs/common';
import { IsString, Length, Matches, MaxLength } from 'class-validator';

/** IDs travel as strings; only positive integers can name a row. */
export const IsRowId = (label: string) =>
  applyDecorators(IsString(), MaxLength(12), Matches(/^[1-9]\d{0,9}$/, { message: `Identifiant invalide pour « ${label} ».` }));

/** A short visible text: trimmed length checked in the service too, no angle brackets in names. */
export const IsLabel = (label: string, min: number, max: number) =>
  applyDecorators(IsString(), Length(min, max, { message: `« ${label} » doit contenir entre ${min} et ${max} caractères.` }));

export const STAKE_TEXT_MAX = 1000;
export const MAX_STAKES_PER_CALL = 100;
