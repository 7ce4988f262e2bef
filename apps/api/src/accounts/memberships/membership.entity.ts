import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Territory } from '../../territories/territory.entity';
import { User } from '../user.entity';
import { MembershipCapacity, MembershipStatus, VerificationMethod } from './membership.enums';

/**
 * A user's membership of a collectivité. Choosing a territory creates a PENDING one; only a
 * VERIFIED membership grants rights for the territory (common/auth/policies.ts).
 */
@ObjectType({ description: 'Membership of a collectivité; only VERIFIED ones grant rights for a territory.' })
@Entity('membership')
@Index(['userId', 'territoryCode'], { unique: true })
@Index(['territoryCode', 'status'])
export class Membership {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'varchar', length: 12 })
  territoryCode: string;

  @ManyToOne(() => Territory, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'territoryCode' })
  territory?: Territory;

  @Field(() => MembershipStatus)
  @Column({ type: 'varchar', length: 16 })
  status: MembershipStatus;

  @Field(() => VerificationMethod, { nullable: true })
  @Column({ type: 'varchar', length: 16, nullable: true })
  method: VerificationMethod | null;

  @Field(() => MembershipCapacity)
  @Column({ type: 'varchar', length: 16, default: MembershipCapacity.AGENT })
  capacity: MembershipCapacity;

  @Field({ description: 'A manager approves or refuses the requests for the territory.' })
  @Column({ type: 'boolean', default: false })
  manager: boolean;

  @Field(() => String, { nullable: true, description: 'Why it was refused or revoked (for the requester, managers and staff).' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ type: 'integer', nullable: true })
  decidedById: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'decidedById' })
  decidedBy?: User | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: Date, nullable: true })
  decidedAt: Date | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;
}
