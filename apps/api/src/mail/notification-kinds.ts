import { registerEnumType } from '@nestjs/graphql';

export enum MailMode {
  IMMEDIATE = 'IMMEDIATE',
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
  NEVER = 'NEVER',
}
registerEnumType(MailMode, {
  name: 'MailMode',
  description: 'When a kind of notification is e-mailed: at once, in the daily or weekly digest, or never.',
});

export interface KindInfo {
  mode: MailMode;
  /** Short English headline (the in-app notification text itself is French). */
  en: string;
  fr: string;
}

/**
 * Every notification kind the app creates, with its default e-mail mode. Things addressed to
 * the person (mentions, replies, accepted answers, decisions about them) come at once; news
 * about what they follow comes in the weekly digest. A kind missing here is mailed at once:
 * a new kind is never silently dropped.
 */
export const NOTIFICATION_KINDS: Record<string, KindInfo> = {
  MENTION: { mode: MailMode.IMMEDIATE, fr: 'Quelqu’un vous a mentionné·e', en: 'Someone mentioned you' },
  REPLY: { mode: MailMode.IMMEDIATE, fr: 'Nouvelle réponse dans une discussion que vous suivez', en: 'New reply in a discussion you follow' },
  ACCEPTED_ANSWER: { mode: MailMode.IMMEDIATE, fr: 'Votre réponse a été acceptée', en: 'Your answer was accepted' },
  POST_HIDDEN: { mode: MailMode.IMMEDIATE, fr: 'Un de vos messages a été masqué', en: 'One of your messages was hidden' },
  MEMBERSHIP_APPROVED: { mode: MailMode.IMMEDIATE, fr: 'Votre rattachement a été accepté', en: 'Your membership was approved' },
  MEMBERSHIP_REFUSED: { mode: MailMode.IMMEDIATE, fr: 'Votre rattachement a été refusé', en: 'Your membership was refused' },
  MEMBERSHIP_REVOKED: { mode: MailMode.IMMEDIATE, fr: 'Votre rattachement a été retiré', en: 'Your membership was withdrawn' },
  MEMBERSHIP_REQUESTED: { mode: MailMode.IMMEDIATE, fr: 'Une demande de rattachement attend votre décision', en: 'A membership request awaits your decision' },
  PROJECT_UPDATED: { mode: MailMode.WEEKLY, fr: 'Une fiche que vous suivez a changé', en: 'A sheet you follow changed' },
  PROJECT_REPLICATED: { mode: MailMode.WEEKLY, fr: 'Une fiche que vous suivez est répliquée', en: 'A sheet you follow is being replicated' },
  PROJECT_DISCUSSION: { mode: MailMode.WEEKLY, fr: 'Une discussion s’ouvre sur une fiche que vous suivez', en: 'A discussion opened on a sheet you follow' },
  COMMITMENT_STATUS: { mode: MailMode.WEEKLY, fr: 'Un engagement que vous suivez a changé de statut', en: 'A commitment you follow changed status' },
  BLOCKER_LIFTED: { mode: MailMode.WEEKLY, fr: 'Un frein comme le vôtre a été levé', en: 'A blocker like yours was lifted' },
};

export const defaultMode = (kind: string): MailMode => NOTIFICATION_KINDS[kind]?.mode ?? MailMode.IMMEDIATE;

export const kindHeadline = (kind: string, lang: 'fr' | 'en'): string =>
  NOTIFICATION_KINDS[kind]?.[lang] ?? (lang === 'fr' ? 'Nouvelle notification' : 'New notification');
