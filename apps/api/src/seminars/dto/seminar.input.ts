import { Field, InputType } from '@nestjs/graphql';
import { IsDate, IsOptional } from 'class-validator';
import { IsTitleText } from '../../common/text/text-validators';
import { Type } from 'class-transformer';
import { IsLabel } from './validators';

@InputType()
export class SeminarInput {
  @Field()
  @IsLabel('titre', 3, 200)
  title: string;

  @Field()
  @Type(() => Date)
  @IsDate({ message: 'La date du séminaire est invalide.' })
  date: Date;

  @Field(() => String, { nullable: true, description: 'Where it takes place (optional).' })
  @IsOptional()
  @IsTitleText('lieu', 1, 200, { lengthMessage: 'Le lieu ne doit pas dépasser 200 caractères.' })
  place?: string | null;
}
