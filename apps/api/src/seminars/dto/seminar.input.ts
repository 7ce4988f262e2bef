import { Field, InputType } from '@nestjs/graphql';
import { IsDate, IsOptional, IsString, MaxLength } from 'class-validator';
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
  @IsString()
  @MaxLength(200, { message: 'Le lieu ne doit pas dépasser 200 caractères.' })
  place?: string | null;
}
