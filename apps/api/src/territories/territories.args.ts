import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PaginationArgs } from '../common/pagination/pagination.args';
import { TerritoryKind } from './territory-kind';
import { problem } from '../common/validation/problem';

@ArgsType()
export class TerritoryArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(12)
  code: string;
}

@ArgsType()
export class TerritoriesArgs extends PaginationArgs {
  @Field(() => TerritoryKind, { nullable: true })
  @IsOptional()
  @IsEnum(TerritoryKind)
  kind?: TerritoryKind | null;

  @Field(() => String, { nullable: true, description: 'Département code, e.g. "91" for the Essonne.' })
  @IsOptional()
  @Matches(/^(\d{2,3}|2[AB])$/, problem('INVALID_DEPARTEMENT_CODE'))
  departement?: string | null;

  @Field(() => String, { nullable: true, description: 'Accent-insensitive name search.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string | null;
}
