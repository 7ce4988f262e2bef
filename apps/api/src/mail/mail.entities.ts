import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../accounts/user.entity';

/**
 * Mail outbox: a message is written here in the same transaction as what causes it, and the
 * mail worker sends it and deletes the row once the SMTP server accepted it. The row carries
 * the whole composed message (addresses included) only until it is sent.
 */
@Entity('mail_outbox')
export class MailOutbox {
  @PrimaryGeneratedColumn()
  id: number;

  /** Stable across retries, so a resend after a crash carries the same Message-ID. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 200 })
  messageId: string;

  @Column({ type: 'varchar', length: 32 })
  category: string;

  /** JSON of OutgoingMail (recipient, subject, text, html, headers). */
  @Column({ type: 'text' })
  message: string;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Index()
  @Column({ type: Date, nullable: true })
  notBefore: Date | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  lastError: string | null;

  @CreateDateColumn()
  createdAt: Date;
}

/** Single-use links (address verification, password reset): only the SHA-256 of the token is stored. */
@Entity('mail_token')
@Index(['userId', 'purpose'])
export class MailToken {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  /** VERIFY_EMAIL or RESET_PASSWORD. */
  @Column({ type: 'varchar', length: 16 })
  purpose: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  /** The address the link was sent to (a verification proves this address, not a later one). */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: Date })
  expiresAt: Date;

  @Column({ type: Date, nullable: true })
  usedAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;
}

/** A user's e-mail choice for one notification kind (absent: the kind's default). */
@Entity('notification_preference')
@Index(['userId', 'kind'], { unique: true })
export class NotificationPreference {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'varchar', length: 32 })
  kind: string;

  /** IMMEDIATE, DAILY, WEEKLY or NEVER. */
  @Column({ type: 'varchar', length: 16 })
  mode: string;
}

/** Per-user mail settings (absent: French). */
@Entity('mail_settings')
export class MailSettings {
  @PrimaryColumn({ type: 'integer' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'varchar', length: 2, default: 'fr' })
  language: string;
}

/** One row per user and digest period once that period's digest was handled (sent or empty): a restart does not resend. */
@Entity('mail_digest')
@Index(['userId', 'period'], { unique: true })
export class MailDigest {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  /** e.g. D2026-12-07 or W2026-12-07 (the Monday starting the week). */
  @Column({ type: 'varchar', length: 16 })
  period: string;

  /** How many notifications it summed up (0: nothing to send, no message). */
  @Column({ type: 'integer', default: 0 })
  items: number;

  @CreateDateColumn()
  createdAt: Date;
}

export const MAIL_ENTITIES = [MailOutbox, MailToken, NotificationPreference, MailSettings, MailDigest];
