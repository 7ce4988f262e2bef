/** A composed message as stored in the outbox (everything but From, Message-ID and Date). */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

/** What a message is about, for logs and metrics (never its content). */
export type MailCategory = 'VERIFY_EMAIL' | 'RESET_PASSWORD' | 'REGISTER_ATTEMPT' | 'NOTIFICATION' | 'DIGEST' | 'SEMINAR_INVITATION';
