import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { EntityId, TerritoryCode } from '../../common/validation/ids';
import { CommitmentStatus, ProgressMode } from '../commitment.enums';

@ArgsType()
export class SeminarCommitmentsArgs {
  @Field(() => ID)
  @EntityId()
  seminarId: string;
}

@ArgsType()
export class CommitmentIdArgs {
  @Field(() => ID)
  @EntityId()
  id: string;
}

@InputType()
export class CommitmentDetailsInput {
  @Field(() => String, { nullable: true, description: 'Territory that carries it (INSEE code, SIREN, département code).' })
  @IsOptional()
  @TerritoryCode()
  leadTerritoryCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  contact?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  targetDate?: Date | null;
}

@ArgsType()
export class CreateCommitmentArgs {
  @Field(() => ID, { description: 'A stake of a closed workshop (original, adopted reformulation or "+" stake).' })
  @EntityId()
  stakeId: string;

  @Field(() => CommitmentDetailsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CommitmentDetailsInput)
  details?: CommitmentDetailsInput | null;
}

@InputType()
export class CommitmentUpdateInput extends CommitmentDetailsInput {
  @Field(() => CommitmentStatus)
  @IsEnum(CommitmentStatus)
  status: CommitmentStatus;

  @Field(() => String, { nullable: true, description: 'Required when abandoned.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  statusReason?: string | null;

  @Field(() => ProgressMode)
  @IsEnum(ProgressMode)
  progressMode: ProgressMode;

  @Field(() => Int, { nullable: true, description: '0 to 100, used when progressMode is MANUAL.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  manualProgress?: number | null;
}

@ArgsType()
export class UpdateCommitmentArgs extends CommitmentIdArgs {
  @Field(() => CommitmentUpdateInput)
  @ValidateNested()
  @Type(() => CommitmentUpdateInput)
  input: CommitmentUpdateInput;
}

@ArgsType()
export class CommitmentProjectArgs {
  @Field(() => ID)
  @EntityId()
  commitmentId: string;

  @Field(() => ID)
  @EntityId()
  projectId: string;
}

@ArgsType()
export class AddMilestoneArgs {
  @Field(() => ID)
  @EntityId()
  commitmentId: string;

  @Field()
  @IsString()
  @Length(2, 300, { message: 'Le jalon doit contenir entre 2 et 300 caractères.' })
  title: string;

  @Field()
  @IsDate()
  dueDate: Date;
}

@ArgsType()
export class SetMilestoneDoneArgs extends CommitmentIdArgs {
  @Field()
  @IsBoolean()
  done: boolean;
}

@ArgsType()
export class TerritoryCommitmentsArgs {
  @Field(() => ID)
  @TerritoryCode()
  territoryCode: string;
}
