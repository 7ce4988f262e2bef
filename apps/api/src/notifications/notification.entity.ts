import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../accounts/user.entity';

/** An in-app notification for one user (never shown to anyone else). */
@ObjectType()
@Entity('notification')
@Index(['userId', 'read'])
@Index(['userId', 'id'])
@Index(['groupKey'])
export class Notification {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Field({ description: 'REPLY, MENTION, ACCEPTED_ANSWER, PROJECT_UPDATED, PROJECT_REPLICATED, BLOCKER_LIFTED…' })
  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Field({ description: 'French text, ready to show.' })
  @Column({ type: 'varchar', length: 500 })
  message: string;

  @Field({ description: 'Path in the web app, e.g. /forum/sujet/12#message-40.' })
  @Column({ type: 'varchar', length: 300 })
  url: string;

  @Field()
  @Column({ type: 'boolean', default: false })
  read: boolean;

  /**
   * Notifications about the same subject (e.g. one sheet edited by one person) share a key, so a
   * new one can replace the unread one instead of piling up (see notifyFollowersGrouped). Internal.
   */
  @Column({ type: 'varchar', length: 80, nullable: true })
  groupKey: string | null;

  /** Who the message names as having done it; internal, never exported to anyone else (RGPD deletion rewords it). */
  @Index()
  @Column({ type: 'integer', nullable: true })
  actorId: number | null;

  /**
   * When this notification was e-mailed (at once or in a digest). A grouped notification that
   * replaces a mailed one e-mails only what is new since (mailMessage/mailUrl). Internal.
   */
  @Column({ type: Date, nullable: true })
  mailedAt: Date | null;

  /** What an e-mail about it says, when part of what it sums up was already mailed (null: message). Internal. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  mailMessage: string | null;

  /** The link of that e-mail (null: url). Internal. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  mailUrl: string | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;
}
