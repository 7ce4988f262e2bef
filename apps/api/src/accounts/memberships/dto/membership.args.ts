import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { EntityId, TerritoryCode } from '../../../common/validation/ids';
import { MembershipCapacity } from '../membership.enums';

@ArgsType()
export class TerritoryCodeArgs {
  @Field(() => ID)
  @TerritoryCode()
  territoryCode: string;
}

@ArgsType()
export class RequestMembershipArgs extends TerritoryCodeArgs {
  @Field(() => MembershipCapacity, { defaultValue: MembershipCapacity.AGENT })
  @IsEnum(MembershipCapacity)
  capacity: MembershipCapacity = MembershipCapacity.AGENT;
}

@ArgsType()
export class MembershipIdArgs {
  @Field(() => ID)
  @EntityId()
  id: string;
}

@ArgsType()
export class DecideMembershipArgs extends MembershipIdArgs {
  @Field()
  @IsBoolean()
  approve: boolean;

  @Field(() => String, { nullable: true, description: 'Required to refuse: sent to the requester.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}

@ArgsType()
export class RevokeMembershipArgs extends MembershipIdArgs {
  @Field()
  @IsString()
  @MaxLength(500)
  reason: string;
}

@ArgsType()
export class SetMembershipManagerArgs extends MembershipIdArgs {
  @Field()
  @IsBoolean()
  manager: boolean;
}

@ArgsType()
export class EmailDomainArgs extends TerritoryCodeArgs {
  @Field({ description: 'e.g. mairie-etampes.fr' })
  @IsString()
  @MaxLength(260)
  domain: string;
}

@ArgsType()
export class DomainArgs {
  @Field()
  @IsString()
  @MaxLength(260)
  domain: string;
}
