import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A territory with membership requests waiting for a decision.' })
export class PendingTerritory {
  @Field()
  territoryCode: string;

  @Field()
  territoryName: string;

  @Field(() => Int)
  count: number;
}
