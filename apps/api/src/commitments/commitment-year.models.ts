import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Seminar } from '../seminars/entities/seminar.entity';
import { CommitmentCounts } from './commitment.models';

@ObjectType({ description: 'One seminar’s commitments in the yearly view.' })
export class CommitmentSeminarCounts {
  @Field(() => Seminar)
  seminar: Seminar;

  @Field(() => CommitmentCounts)
  counts: CommitmentCounts;
}

@ObjectType({ description: 'The commitments of the seminars held in one year: totals, then per seminar.' })
export class CommitmentYear {
  @Field(() => Int)
  year: number;

  @Field(() => CommitmentCounts)
  counts: CommitmentCounts;

  @Field(() => [CommitmentSeminarCounts])
  seminars: CommitmentSeminarCounts[];
}
