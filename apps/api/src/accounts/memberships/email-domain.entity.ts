import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Territory } from '../../territories/territory.entity';

/**
 * An official e-mail domain of a territory (`mairie-etampes.fr` → Étampes). A user whose address
 * is verified on a declared domain becomes a VERIFIED member (method EMAIL_DOMAIN).
 */
@ObjectType()
@Entity('territory_email_domain')
export class TerritoryEmailDomain {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'Lower-case domain, without "@".' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 253 })
  domain: string;

  @Index()
  @Column({ type: 'varchar', length: 12 })
  territoryCode: string;

  @ManyToOne(() => Territory, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'territoryCode' })
  territory?: Territory;

  @Column({ type: 'integer', nullable: true })
  createdById: number | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;
}
