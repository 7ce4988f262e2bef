import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Territory } from '../../territories/territory.entity';

export enum UserBadgeKind {
  ADMIN = 'ADMIN',
  MODERATOR = 'MODERATOR',
  VERIFIED_AGENT = 'VERIFIED_AGENT',
  VERIFIED_ELECTED = 'VERIFIED_ELECTED',
}
registerEnumType(UserBadgeKind, { name: 'UserBadgeKind', description: 'Who is speaking: staff, or a verified agent or elected official of a territory.' });

@ObjectType({ description: 'Shown beside a name: "Agent·e vérifié·e · Étampes", or a staff badge. Only verified memberships give one.' })
export class UserBadge {
  @Field(() => UserBadgeKind)
  kind: UserBadgeKind;

  /** Resolved by UserMembershipsResolver for verified memberships; null for staff badges. */
  territoryCode: string | null;

  @Field(() => Territory, { nullable: true })
  territory?: Territory | null;
}
