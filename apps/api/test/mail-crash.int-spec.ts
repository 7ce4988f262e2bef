import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uniqueEmail } from './harness';
import { startServerProcess, ServerProcess } from './server-process';
import { linkIn, SmtpSink, startSmtpSink } from './smtp-sink';

jest.setTimeout(240_000);

/**
 * kill -9 of the API while it sends: needs the built API (`npm run build -w apps/api`).
 * Delivery is at least once with a stable Message-ID: a message the server accepted just before
 * the kill, but that the process had not yet deleted from its outbox, is sent again after the
 * restart with the same Message-ID (which mail programs use to drop duplicates). So every
 * recipient must end up with exactly one distinct message: none lost, none doubled.
 */
describe('mail outbox across kill -9 of the API process', () => {
  let sink: SmtpSink;
  let dataDir: string;
  const processes: ServerProcess[] = [];

  beforeAll(async () => {
    sink = await startSmtpSink();
    dataDir = mkdtempSync(join(tmpdir(), 'essaim-mail-crash-'));
  });
  afterAll(async () => {
    for (const p of processes) if (p.child.exitCode === null) await p.close();
    await sink.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses and doubles nothing when the process is killed mid-send', async () => {
    const env = { DATA_DIR: dataDir, SMTP_URL: sink.url, PUBLIC_URL: 'https://essaim.example.org', ADMIN_EMAILS: 'boss@example.org', MAIL_LEASE_MS: '3000' };
    const first = await startServerProcess(env);
    processes.push(first);
    const admin = first.client();
    await admin.ok(`mutation($input: RegisterInput!) { register(input: $input) { id } }`, {
      input: { email: 'boss@example.org', password: 'correct horse battery staple', displayName: 'Chef' },
    });
    // ADMIN_EMAILS counts once the address is confirmed: follow the link from the e-mail.
    const confirmation = await sink.next('boss@example.org', /Confirmez/);
    await admin.ok(`mutation($token: String!) { verifyEmail(token: $token) }`, {
      token: new URL(linkIn(confirmation, 'https://essaim.example.org/')).searchParams.get('token'),
    });
    const seminar = (
      await admin.ok(`mutation($input: SeminarInput!) { createSeminar(input: $input) { id } }`, {
        input: { title: 'Séminaire crash', date: new Date(Date.now() + 86_400_000).toISOString() },
      })
    ).createSeminar;

    // Slow server: each message takes 40 ms to be accepted, so the kill lands in the middle.
    sink.delayMs = 40;
    const guests = Array.from({ length: 120 }, () => uniqueEmail('crash'));
    await admin.ok(`mutation($id: ID!, $emails: [String!]!) { inviteToSeminar(seminarId: $id, emails: $emails) }`, { id: seminar.id, emails: guests });
    const invitation = (m: { subject: string }) => m.subject.startsWith('Invitation');
    await sink.waitFor((all) => all.filter(invitation).length >= 25, 30_000, 'the first invitations');
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    const beforeRestart = sink.messages.filter(invitation).length;
    expect(beforeRestart).toBeLessThan(guests.length);

    sink.delayMs = 0;
    const second = await startServerProcess(env);
    processes.push(second);
    await sink.waitFor((all) => new Set(all.filter(invitation).map((m) => m.to)).size >= guests.length, 60_000, 'every invitation after the restart');
    // Let anything still queued arrive, then check the outbox is empty.
    for (let i = 0; i < 50; i++) {
      const health = await (await fetch(`${second.url}/healthz`)).json();
      if (health.components.mail.pending === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await (await fetch(`${second.url}/healthz`)).json()).components.mail.pending).toBe(0);

    const received = sink.messages.filter(invitation);
    for (const guest of guests) {
      const ids = new Set(
        sink
          .to(guest)
          .filter(invitation)
          .map((m) => m.messageId),
      );
      expect(ids.size).toBe(1);
    }
    expect(new Set(received.map((m) => m.messageId)).size).toBe(guests.length);
    const resent = [...sink.deliveries.values()].filter((n) => n > 1).length;
    // At most the messages in flight at the kill can arrive twice (same Message-ID).
    expect(resent).toBeLessThanOrEqual(2);
    console.log(
      `kill -9 after ${beforeRestart} invitations: ${received.length} deliveries, ${guests.length} distinct messages, ${resent} re-sent with the same Message-ID`,
    );
  });
});
