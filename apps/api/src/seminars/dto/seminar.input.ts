import { Field, InputType } from '@nestjs/graphql';
import { IsDate, IsOptional } from 'class-validator';
import { IsTitleText } from '../../common/text/text-validators';
import { Type } from 'class-transformer';
import { IsLabel } from './validators';
import { problem } from '../../common/validation/problem';

@InputType()
export class SeminarInput {
  @Field()
  @IsLabel('titre', 3, 200)
  title: string;

  @Field()
  @Type(() => Date)
  @IsDate(problem('INVALID_SEMINAR_DATE'))
  date: Date;

  @Field(() => String, { nullable: true, description: 'Where it takes place (optional).' })
  @IsOptional()
  @IsTitleText('lieu', 1, 200, { lengthMessage: problem('PLACE_TOO_LONG') })
  place?: string | null;
}
