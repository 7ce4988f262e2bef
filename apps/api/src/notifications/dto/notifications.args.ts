import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { FollowTargetType } from '../follow-target';

@ArgsType()
export class FollowArgs {
  @Field(() => FollowTargetType)
  @IsEnum(FollowTargetType, { message: 'Type de cible inconnu : THREAD ou PROJECT.' })
  targetType: FollowTargetType;

  @Field(() => ID)
  @IsString()
  @Matches(/^\d{1,12}$/, { message: 'Identifiant de cible invalide.' })
  targetId: string;
}

@ArgsType()
export class MarkReadArgs {
  @Field(() => [ID], { nullable: true, description: 'Only these notifications; all of them when omitted.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500, { message: 'Au plus 500 notifications à la fois.' })
  @IsString({ each: true })
  @MaxLength(12, { each: true })
  @Matches(/^\d+$/, { each: true, message: 'Identifiant de notification invalide.' })
  ids?: string[] | null;
}
