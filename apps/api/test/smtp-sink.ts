import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SinkMessage {
  messageId: string;
  /** A header's value as sent (mailparser turns some, like List-*, into structures). */
  header(name: string): string | undefined;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: ParsedMail['headers'];
  /** The session had been upgraded with STARTTLS. */
  secure: boolean;
  raw: ParsedMail;
}

/**
 * A real SMTP server for tests (smtp-server, STARTTLS offered with its self-signed certificate),
 * parsing every message with mailparser. It can be stopped and restarted on the same port to
 * simulate an outage. `deliveries` counts how many times each Message-ID arrived.
 */
export class SmtpSink {
  readonly messages: SinkMessage[] = [];
  readonly deliveries = new Map<string, number>();
  private server: SMTPServer | null = null;
  port = 0;
  /** Each accepted message waits this long before the server answers (to catch a process mid-send). */
  delayMs = 0;

  /** The SMTP_URL for the API (the test certificate is self-signed). */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}/?tls.rejectUnauthorized=false`;
  }

  async start(port = this.port): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      logger: false,
      // An outage cuts the clients at once (421, then closed) instead of waiting 30 s for pooled
      // connections to end on their own: that wait was most of the outage tests' time.
      closeTimeout: 100,
      disableReverseLookup: true,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            const messageId = mail.messageId ?? '';
            this.deliveries.set(messageId, (this.deliveries.get(messageId) ?? 0) + 1);
            const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? '');
            const header = (name: string) => {
              const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line;
              return line
                ?.slice(line.indexOf(':') + 1)
                .replace(/\r?\n\s+/g, ' ')
                .trim();
            };
            this.messages.push({
              messageId,
              header,
              to,
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              headers: mail.headers,
              secure: session.secure,
              raw: mail,
            });
            setTimeout(() => callback(), this.delayMs);
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    server.on('error', () => undefined);
    this.server = server;
    this.port = (server.server.address() as { port: number }).port;
    return this;
  }

  /** Stops listening and drops open connections (an outage). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): SinkMessage[] {
    return this.messages.filter((m) => m.to.toLowerCase().includes(address.toLowerCase()));
  }

  /** Waits until `predicate` holds over the received messages. */
  async waitFor(predicate: (messages: SinkMessage[]) => boolean, timeoutMs = 15_000, what = 'messages'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.messages)) {
      if (Date.now() > deadline) throw new Error(`SMTP sink: timed out waiting for ${what} (got ${this.messages.length})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Waits for the first message to `address` whose subject matches. */
  async next(address: string, subject: RegExp = /./, timeoutMs = 15_000): Promise<SinkMessage> {
    await this.waitFor(() => this.to(address).some((m) => subject.test(m.subject)), timeoutMs, `a message to ${address} matching ${subject}`);
    return this.to(address).find((m) => subject.test(m.subject))!;
  }
}

export const startSmtpSink = (port = 0) => new SmtpSink().start(port);

/** The first link in a message's text part that starts with `prefix`. */
export function linkIn(message: SinkMessage, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}[^\\s<>"]*`).exec(message.text);
  if (!match) throw new Error(`no link starting with ${prefix} in:\n${message.text}`);
  return match[0];
}
