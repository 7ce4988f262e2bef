import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { ROLES } from '@essaim/domain';
import { Role } from '../../common/auth/role';
import { EntityId } from '../../common/validation/ids';

@ArgsType()
export class LoginArgs {
  @Field()
  @IsString()
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @MaxLength(1024)
  password: string;
}

@ArgsType()
export class SetUserRoleArgs {
  @Field(() => ID)
  @EntityId()
  userId: string;

  @Field(() => Role)
  @IsIn(ROLES)
  role: Role;
}
