import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../accounts/user.entity';

/** A named custom peer list a user saved, to compare against it again later. */
@ObjectType()
@Entity('peer_list')
@Index(['ownerId', 'name'], { unique: true })
export class PeerList {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  ownerId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ownerId' })
  owner?: User;

  @Field()
  @Column({ type: 'varchar', length: 80 })
  name: string;

  /** Territory codes, comma-separated (bounded to 200 codes by the input). */
  @Field(() => [String])
  @Column({ type: 'text', transformer: { to: (v: string[] | undefined) => v?.join(','), from: (v: string | null) => (v ? v.split(',') : []) } })
  peerCodes: string[];

  @Field()
  @CreateDateColumn()
  createdAt: Date;

  @Field()
  @Column({ type: Date })
  updatedAt: Date;
}
