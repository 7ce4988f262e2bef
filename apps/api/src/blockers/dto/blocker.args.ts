import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { Theme } from '../../common/theme.enum';
import { ENTITY_ID_PATTERN } from '../../common/validation/ids';
import { BlockerStatus } from '../blocker-enums';
import { BlockerEditInput } from './blocker-edit.input';
import { BlockerInput } from './blocker.input';

export const RESOLUTION_MIN = 10;
export const RESOLUTION_MAX = 4000;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@ArgsType()
export class ReportBlockerArgs {
  @Field(() => ID)
  @IsString()
  @Matches(ENTITY_ID_PATTERN, { message: 'Identifiant de projet invalide.' })
  projectId: string;

  @Field(() => BlockerInput)
  @ValidateNested()
  @Type(() => BlockerInput)
  input: BlockerInput;
}

@ArgsType()
export class UpdateBlockerArgs {
  @Field(() => ID)
  @IsString()
  @Matches(ENTITY_ID_PATTERN, { message: 'Identifiant de frein invalide.' })
  id: string;

  @Field(() => BlockerStatus)
  @IsEnum(BlockerStatus, { message: 'Statut de frein inconnu.' })
  status: BlockerStatus;

  @Field(() => String, { nullable: true, description: 'Required for LIFTED and WORKED_AROUND: how it was done.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(RESOLUTION_MAX, { message: `La résolution ne doit pas dépasser ${RESOLUTION_MAX} caractères.` })
  resolution?: string | null;

  @Field(() => String, { nullable: true, description: 'A note kept in the timeline (hidden from outsiders when confidential).' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000, { message: 'Le commentaire ne doit pas dépasser 2000 caractères.' })
  comment?: string | null;
}

@ArgsType()
export class EditBlockerArgs {
  @Field(() => ID)
  @IsString()
  @Matches(ENTITY_ID_PATTERN, { message: 'Identifiant de frein invalide.' })
  id: string;

  @Field(() => BlockerEditInput)
  @ValidateNested()
  @Type(() => BlockerEditInput)
  input: BlockerEditInput;

  @Field(() => Int, { description: 'The `revision` the edit started from; another revision means someone edited meanwhile (CONFLICT).' })
  @IsInt({ message: 'Révision de départ invalide.' })
  @Min(1, { message: 'Révision de départ invalide.' })
  baseRevision: number;
}

@ArgsType()
export class BlockerStatsArgs {
  @Field(() => String, { nullable: true, description: 'Département code, e.g. "91"; null for every département.' })
  @IsOptional()
  @Matches(/^(\d{2,3}|2[AB])$/, { message: 'Code de département invalide (exemples : 91, 2A, 971).' })
  departement?: string | null;

  @Field(() => Theme, { nullable: true })
  @IsOptional()
  @IsEnum(Theme, { message: 'Thème inconnu.' })
  theme?: Theme | null;

  @Field(() => String, { nullable: true, description: 'EPCI SIREN code: only projects of that EPCI and its communes.' })
  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'Code EPCI invalide (SIREN à 9 chiffres).' })
  epci?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 24, description: 'Months of trend, ending with the current month (1 to 60).' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'La tendance couvre au moins 1 mois.' })
  @Max(60, { message: 'La tendance couvre au plus 60 mois.' })
  months?: number | null;
}
