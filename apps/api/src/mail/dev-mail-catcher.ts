import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  id: number;
  messageId: string | null;
  from: string;
  to: string[];
  subject: string;
  date: string;
  text: string;
  html: string | null;
}

/**
 * A real SMTP server on loopback that keeps what it receives, for
 * development: the app sends through SMTP exactly as in production and
 * `/dev/mail` shows the result. Keeps the latest 200 messages.
 *
 * Like a real server facing an address that cannot exist, it refuses any
 * recipient in the reserved `.invalid` domain (RFC 2606) with a 550, so the
 * failed-mail path can be tried by hand: invite someone@bounce.invalid.
 */
export class DevMailCatcher {
  private readonly messages: CaughtMail[] = [];
  private nextId = 1;
  private server: SMTPServer | null = null;
  port = 0;

  async start(port: number): Promise<number> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (/\.invalid$/i.test(address.address)) {
          const refusal = Object.assign(new Error('5.1.1 No such domain: mailbox unavailable'), {
            responseCode: 550,
          });
          callback(refusal);
          return;
        }
        callback();
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            this.messages.unshift({
              id: this.nextId++,
              messageId: parsed.messageId ?? null,
              from: parsed.from?.text ?? '',
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              subject: parsed.subject ?? '',
              date: (parsed.date ?? new Date()).toISOString(),
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : null,
            });
            this.messages.splice(200);
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    const server = this.server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    // A client that drops its connection mid-session must not take the process down.
    server.on('error', () => undefined);
    const address = (
      server as unknown as { server: { address(): { port: number } } }
    ).server.address();
    this.port = address.port;
    return this.port;
  }

  list(): readonly CaughtMail[] {
    return this.messages;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = null;
  }
}
