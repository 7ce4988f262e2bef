import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '../common/auth/role';
import { Territory } from '../territories/territory.entity';

@ObjectType()
@Entity('user')
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  /** Stored lower-cased; private (exposed only to the account itself and to admins). */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Field()
  @Column({ type: 'varchar', length: 80 })
  displayName: string;

  @Column({ type: 'varchar', length: 200 })
  passwordHash: string;

  @Field(() => Role)
  @Column({ type: 'varchar', length: 16, default: 'MEMBER' })
  role: Role;

  @Column({ type: 'varchar', length: 12, nullable: true })
  territoryCode: string | null;

  @ManyToOne(() => Territory, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'territoryCode' })
  territory?: Territory | null;

  /** When the address was proven by a link sent to it (or by ProConnect); null until then. */
  @Column({ type: Date, nullable: true })
  emailVerifiedAt: Date | null;

  /** Unique, stable, shown beside the display name so two "Mehdi" cannot be confused. */
  @Field(() => String, { description: 'Unique handle shown on profiles, e.g. "mehdi-moderation-12".' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 40, nullable: true })
  handle: string | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;

  /**
   * Territories this user speaks for (VERIFIED memberships) and those it manages; loaded with the
   * session (accounts/sessions.service.ts), absent on users loaded for display. Absent means none.
   */
  verifiedTerritoryCodes?: string[];
  managedTerritoryCodes?: string[];
}
