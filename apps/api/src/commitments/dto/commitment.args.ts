import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsTitleText } from '../../common/text/text-validators';
import { EntityId, TerritoryCode } from '../../common/validation/ids';
import { CommitmentStatus, ProgressMode } from '../commitment.enums';
import { problem } from '../../common/validation/problem';

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
  @IsTitleText('jalon', 2, 300)
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

@ArgsType()
export class TerritoryCommitmentsFilterArgs extends TerritoryCommitmentsArgs {
  @Field(() => Boolean, {
    defaultValue: true,
    description: "Also the commitments carried by its members (an EPCI's communes, a département's communes and EPCI).",
  })
  @IsBoolean()
  includeMembers: boolean;

  @Field(() => Int, { nullable: true, description: 'Only those of the seminars held that year.' })
  @IsOptional()
  @IsInt(problem('YEAR_NOT_INTEGER'))
  @Min(2000, problem('YEAR_OUT_OF_RANGE', { min: 2000, max: 2100 }))
  @Max(2100, problem('YEAR_OUT_OF_RANGE', { min: 2000, max: 2100 }))
  year?: number | null;
}

@ArgsType()
export class UpdateMilestoneArgs extends CommitmentIdArgs {
  @Field(() => String, { nullable: true, description: 'Left out: unchanged.' })
  @IsOptional()
  @IsTitleText('jalon', 2, 300)
  title?: string | null;

  @Field(() => Date, { nullable: true, description: 'Left out: unchanged.' })
  @IsOptional()
  @IsDate(problem('INVALID_MILESTONE_DATE'))
  dueDate?: Date | null;
}
