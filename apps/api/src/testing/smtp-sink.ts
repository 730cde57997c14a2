import { simpleParser } from 'mailparser';
import type { Readable } from 'node:stream';
import { SMTPServer } from 'smtp-server';

export interface SunkMail {
  messageId: string;
  to: string[];
  subject: string;
  text: string;
}

/**
 * A real SMTP server on loopback for the mail tests: it records what it
 * accepts, can answer chosen recipients with an error code, and can be
 * stopped and started again on the same port to play an outage.
 */
export class SmtpSink {
  readonly received: SunkMail[] = [];
  /** Recipient → SMTP reply code to answer RCPT TO with (e.g. 550, 451). */
  readonly rejections = new Map<string, number>();
  /** Milliseconds to wait before accepting each message (a slow server). */
  delayMs = 0;
  /** SMTP connections opened to this sink since it was made (or last reset). */
  connections = 0;
  private server: SMTPServer | null = null;
  port = 0;

  /**
   * `full` parses each message (subject, text) for tests that read them;
   * `headers` only reads its Message-ID and Subject, so a benchmark measures
   * the sender rather than the MIME parser.
   */
  constructor(private readonly parsing: 'full' | 'headers' = 'full') {}

  async start(port = this.port): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onConnect: (_session, callback) => {
        this.connections++;
        callback();
      },
      onRcptTo: (address, _session, callback) => {
        const code = this.rejections.get(address.address);
        if (code) {
          const error = new Error(`${code} refused for the test`) as Error & {
            responseCode: number;
          };
          error.responseCode = code;
          return callback(error);
        }
        return callback();
      },
      onData: (stream, session, callback) => {
        const parse = this.parsing === 'full' ? parseFully : parseHeaders;
        parse(stream)
          .then(async (parsed) => {
            if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
            this.received.push({
              ...parsed,
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    // A client that dies mid-session (a killed worker's pooled connection) is its problem,
    // not the server's: keep serving, as a real mail server would.
    server.on('error', () => undefined);
    this.server = server;
    this.port = (
      server as unknown as { server: { address(): { port: number } } }
    ).server.address().port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Starts counting connections afresh. */
  resetConnectionCounts(): void {
    this.connections = 0;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** How many times each Message-ID arrived. */
  countsByMessageId(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const mail of this.received)
      counts.set(mail.messageId, (counts.get(mail.messageId) ?? 0) + 1);
    return counts;
  }

  async waitForCount(count: number, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline)
        throw new Error(`only ${this.received.length} of ${count} mails arrived`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

type Parsed = Omit<SunkMail, 'to'>;

async function parseFully(stream: Readable): Promise<Parsed> {
  const parsed = await simpleParser(stream);
  return {
    messageId: parsed.messageId ?? '',
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
  };
}

async function parseHeaders(stream: Readable): Promise<Parsed> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('latin1');
  const headers = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) =>
    new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(headers)?.[1]?.trim() ?? '';
  return { messageId: header('Message-ID'), subject: header('Subject'), text: '' };
}
