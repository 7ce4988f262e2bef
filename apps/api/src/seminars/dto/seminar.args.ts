import { ArgsType, Field, Float, ID } from '@nestjs/graphql';
import { isValidScore } from '@essaim/domain';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsNumber, IsString, Matches, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import { MinutesFormat, ResultsVisibility, VotingState } from '../models/enums';
import { IsDisplayNameText, IsTitleText } from '../../common/text/text-validators';
import { IsLabel, IsRowId, MAX_STAKES_PER_CALL, STAKE_TEXT_MAX } from './validators';

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
  @MaxLength(20, { message: 'Code de séminaire invalide.' })
  joinCode: string;
}

@ArgsType()
export class MinutesArgs {
  @Field(() => ID)
  @IsRowId('seminarId')
  seminarId: string;

  @Field(() => MinutesFormat)
  @IsEnum(MinutesFormat, { message: 'Format de compte-rendu inconnu (MARKDOWN, CSV ou HTML).' })
  format: MinutesFormat;
}

@ArgsType()
export class AddGroupArgs {
  @Field(() => ID)
  @IsRowId('seminarId')
  seminarId: string;

  @Field()
  @IsLabel('nom du groupe', 1, 80)
  @Matches(/^[^<>]*$/, { message: 'Le nom du groupe ne peut pas contenir les caractères < et >.' })
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
  @ArrayMinSize(1, { message: 'Donnez au moins un enjeu.' })
  @ArrayMaxSize(MAX_STAKES_PER_CALL, { message: `Au plus ${MAX_STAKES_PER_CALL} enjeux à la fois.` })
  @IsTitleText('enjeu', 1, STAKE_TEXT_MAX, {
    each: true,
    dropEmptyItems: true,
    lengthMessage: `Un enjeu doit contenir entre 1 et ${STAKE_TEXT_MAX} caractères.`,
  })
  texts: string[];
}

@ArgsType()
export class WorkshopStateArgs {
  @Field(() => ID)
  @IsRowId('workshopId')
  workshopId: string;

  @Field(() => VotingState)
  @IsEnum(VotingState, { message: 'État inconnu (DRAFT, OPEN ou CLOSED).' })
  state: VotingState;
}

@ArgsType()
export class WorkshopVisibilityArgs {
  @Field(() => ID)
  @IsRowId('workshopId')
  workshopId: string;

  @Field(() => ResultsVisibility)
  @IsEnum(ResultsVisibility, { message: 'Visibilité inconnue (LIVE, AFTER_CLOSE ou HIDDEN).' })
  visibility: ResultsVisibility;
}

@ArgsType()
export class JoinSeminarArgs {
  @Field()
  @IsString()
  @MaxLength(20, { message: 'Code de séminaire invalide.' })
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
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'La note doit être un nombre.' })
  @Min(0, { message: 'La note doit être comprise entre 0 et 5.' })
  @Max(5, { message: 'La note doit être comprise entre 0 et 5.' })
  @IsOnHalfPoint()
  value: number;
}

@ArgsType()
export class ProposeReformulationArgs {
  @Field(() => ID)
  @IsRowId('stakeId')
  stakeId: string;

  @Field()
  @IsTitleText('reformulation', 3, STAKE_TEXT_MAX, { lengthMessage: `La reformulation doit contenir entre 3 et ${STAKE_TEXT_MAX} caractères.` })
  text: string;
}

@ArgsType()
export class ProposeStakeArgs {
  @Field(() => ID)
  @IsRowId('workshopId')
  workshopId: string;

  @Field()
  @IsTitleText('enjeu', 3, STAKE_TEXT_MAX, { lengthMessage: `L'enjeu doit contenir entre 3 et ${STAKE_TEXT_MAX} caractères.` })
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
  return ValidateBy({
    name: 'isOnHalfPoint',
    validator: {
      validate: (value: unknown) => isValidScore(value),
      defaultMessage: () => 'La note doit être un multiple de 0,5 (0 ; 0,5 ; 1 … 5).',
    },
  });
}
