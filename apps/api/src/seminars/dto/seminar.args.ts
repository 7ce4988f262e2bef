import { ArgsType, Field, Float, ID } from '@nestjs/graphql';
import { isValidScore } from '@essaim/domain';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsNumber, IsString, Matches, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import { MinutesFormat, ResultsVisibility, VotingState } from '../models/enums';
import { IsDisplayNameText, IsTitleText } from '../../common/text/text-validators';
import { IsLabel, IsRowId, MAX_STAKES_PER_CALL, STAKE_TEXT_MAX } from './validators';
import { problem } from '../../common/validation/problem';

@ArgsType()
export class SeminarIdArgs {
  @Field(() => ID)
  @IsRowId('id')
  id: string;
}

@ArgsType()
export class JoinCodeArgs {
  @Field()
  @IsString()
  @MaxLength(20, problem('INVALID_SEMINAR_CODE'))
  joinCode: string;
}

@ArgsType()
export class MinutesArgs {
  @Field(() => ID)
  @IsRowId('seminarId')
  seminarId: string;

  @Field(() => MinutesFormat)
  @IsEnum(MinutesFormat, problem('UNKNOWN_MINUTES_FORMAT'))
  format: MinutesFormat;
}

@ArgsType()
export class AddGroupArgs {
  @Field(() => ID)
  @IsRowId('seminarId')
  seminarId: string;

  @Field()
  @IsLabel('nom du groupe', 1, 80)
  @Matches(/^[^<>]*$/, problem('GROUP_NAME_ANGLE_BRACKETS'))
  name: string;
}

@ArgsType()
export class AddWorkshopArgs {
  @Field(() => ID)
  @IsRowId('seminarId')
  seminarId: string;

  @Field()
  @IsLabel("titre de l'atelier", 2, 200)
  title: string;
}

@ArgsType()
export class AddStakesArgs {
  @Field(() => ID)
  @IsRowId('workshopId')
  workshopId: string;

  @Field(() => [String], { description: 'One stake per entry (the console splits a pasted list into lines).' })
  @IsArray()
  @ArrayMinSize(1, problem('STAKE_REQUIRED'))
  @ArrayMaxSize(MAX_STAKES_PER_CALL, problem('TOO_MANY_STAKES', { max: MAX_STAKES_PER_CALL }))
  @IsTitleText('enjeu', 1, STAKE_TEXT_MAX, {
    each: true,
    dropEmptyItems: true,
    lengthMessage: problem('STAKE_LENGTH', { max: STAKE_TEXT_MAX }),
  })
  texts: string[];
}

@ArgsType()
export class WorkshopStateArgs {
  @Field(() => ID)
  @IsRowId('workshopId')
  workshopId: string;

  @Field(() => VotingState)
  @IsEnum(VotingState, problem('UNKNOWN_VOTING_STATE'))
  state: VotingState;
}

@ArgsType()
export class WorkshopVisibilityArgs {
  @Field(() => ID)
  @IsRowId('workshopId')
  workshopId: string;

  @Field(() => ResultsVisibility)
  @IsEnum(ResultsVisibility, problem('UNKNOWN_RESULTS_VISIBILITY'))
  visibility: ResultsVisibility;
}

@ArgsType()
export class JoinSeminarArgs {
  @Field()
  @IsString()
  @MaxLength(20, problem('INVALID_SEMINAR_CODE'))
  joinCode: string;

  @Field()
  @IsDisplayNameText('nom affiché', 1, 80)
  displayName: string;

  @Field(() => ID)
  @IsRowId('groupId')
  groupId: string;
}

@ArgsType()
export class CastScoreArgs {
  @Field(() => ID)
  @IsRowId('stakeId')
  stakeId: string;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false }, problem('RATING_NOT_A_NUMBER'))
  @Min(0, problem('RATING_OUT_OF_RANGE'))
  @Max(5, problem('RATING_OUT_OF_RANGE'))
  @IsOnHalfPoint()
  value: number;
}

@ArgsType()
export class ProposeReformulationArgs {
  @Field(() => ID)
  @IsRowId('stakeId')
  stakeId: string;

  @Field()
  @IsTitleText('reformulation', 3, STAKE_TEXT_MAX, { lengthMessage: problem('REFORMULATION_LENGTH', { max: STAKE_TEXT_MAX }) })
  text: string;
}

@ArgsType()
export class ProposeStakeArgs {
  @Field(() => ID)
  @IsRowId('workshopId')
  workshopId: string;

  @Field()
  @IsTitleText('enjeu', 3, STAKE_TEXT_MAX, { lengthMessage: problem('STAKE_EDIT_LENGTH', { max: STAKE_TEXT_MAX }) })
  text: string;
}

@ArgsType()
export class RowIdArgs {
  @Field(() => ID)
  @IsRowId('id')
  id: string;
}

@ArgsType()
export class AddFacilitatorArgs {
  @Field(() => ID)
  @IsRowId('seminarId')
  seminarId: string;

  @Field(() => ID)
  @IsRowId('userId')
  userId: string;
}

/** 0, 0.5 … 5 only (2.3 is refused). */
function IsOnHalfPoint() {
  return ValidateBy({ name: 'isOnHalfPoint', validator: { validate: (value: unknown) => isValidScore(value) } }, problem('RATING_NOT_HALF_STEP'));
}
