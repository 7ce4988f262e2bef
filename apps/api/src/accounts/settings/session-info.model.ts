import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One of the logged-in user’s sessions (a browser where the account is logged in).' })
export class SessionInfo {
  @Field(() => ID, { description: 'Opaque: a prefix of the stored hash, never the cookie.' })
  id: string;

  @Field()
  createdAt: Date;

  @Field()
  lastSeenAt: Date;

  @Field()
  expiresAt: Date;

  @Field({ description: 'The session this request comes from.' })
  current: boolean;
}
