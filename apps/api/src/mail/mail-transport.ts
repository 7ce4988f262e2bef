import { Logger } from '@nestjs/common';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { AppConfig } from '../config/config';
import type { OutgoingMail } from './outgoing-mail';

export interface MailTransport {
  readonly kind: 'smtp' | 'files';
  send(messageId: string, mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** A permanent refusal (5xx): retrying the same message will not help. */
export const isPermanentFailure = (error: unknown) => {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
};

function withDefaults(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  // Short timeouts (nodemailer waits 10 minutes for a silent socket by default): a hung server
  // must fail the attempt well before the outbox lease runs out.
  for (const [key, value] of [
    ['connectionTimeout', '10000'],
    ['greetingTimeout', '10000'],
    ['socketTimeout', '30000'],
    ['pool', 'true'],
    ['maxConnections', '2'],
  ]) {
    if (!url.searchParams.has(key)) url.searchParams.set(key, value);
  }
  return url.toString();
}

/**
 * SMTP (nodemailer; STARTTLS is used whenever the server offers it) when SMTP_URL is set;
 * otherwise every message is written as an .eml file under DATA_DIR/mail and announced in one
 * log line, so a person can open what would have been sent.
 */
export function createMailTransport(config: AppConfig, logger = new Logger('Mail')): MailTransport {
  const from = config.mail.from;
  if (config.mail.smtpUrl) {
    const transporter = nodemailer.createTransport(withDefaults(config.mail.smtpUrl));
    return {
      kind: 'smtp',
      async send(messageId, mail) {
        await transporter.sendMail({ from, messageId, date: new Date(), ...mail });
      },
      close: () => transporter.close(),
    };
  }
  const dir = join(config.dataDir, 'mail');
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'files',
    async send(messageId, mail) {
      const info = await composer.sendMail({ from, messageId, date: new Date(), ...mail });
      mkdirSync(dir, { recursive: true });
      // Named after the Message-ID: sending the same row twice rewrites the same file.
      const file = join(dir, `${messageId.replace(/[^A-Za-z0-9.@-]/g, '')}.eml`);
      writeFileSync(`${file}.tmp`, info.message as Buffer);
      renameSync(`${file}.tmp`, file);
      logger.log(`Mail "${mail.subject}" written to ${file} (no SMTP_URL set)`);
    },
    close: () => undefined,
  };
}
