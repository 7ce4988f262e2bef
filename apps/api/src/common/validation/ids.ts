import { applyDecorators } from '@nestjs/common';
import { IsString, Matches } from 'class-validator';
import { problem } from './problem';

/** Database ids as the API accepts them: 1 to 12 decimal digits, nothing else (no " 1 ", "0x4", "4.0"). */
export const ENTITY_ID_PATTERN = /^[1-9]\d{0,11}$/;

/** A territory code: INSEE code of a commune, SIREN of an EPCI, département code, "R" + région code. */
export const TERRITORY_CODE_PATTERN = /^[0-9A-Z]{2,12}$/;

export const EntityId = () => applyDecorators(IsString(), Matches(ENTITY_ID_PATTERN, problem('INVALID_ID')));

export const TerritoryCode = () => applyDecorators(IsString(), Matches(TERRITORY_CODE_PATTERN, problem('INVALID_TERRITORY_CODE_ANY')));
