// Open-loop latency: requests leave on a fixed clock whatever the server does, as independent
// users' requests arrive, and each one's latency runs from the moment it was due, not from
// when it was sent. A closed loop (autocannon's N connections, each waiting for its answer
// before asking again) slows its own arrivals when the server slows, and so hides the wait a
// real user would have had (coordinated omission).
//
// The client shares the machine's two cores with the API and PostgreSQL, and its own pauses
// count as the server's latency: every answer that arrives while the client is busy is timed
// late. So it allocates almost nothing per request (no garbage, so no pauses of its own
// collector): plain keep-alive sockets, each request's bytes encoded once, answers read by
// counting bytes (Content-Length, or the chunks of a chunked body) without building strings or
// objects, latencies written into preallocated arrays. Node's HTTP client, used before, paused
// for its garbage 4–5 times a second for 5–18 ms each time at 544 requests a second
// (docs/performance.md, "2026-12-03, 11:00"). Answers are expected as the API sends them: no
// trailers after a chunked body, no `Connection: close`.
import { connect, type Socket } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface OpenLoopOptions {
  baseUrl: string;
  cookie: string;
  /** Arrivals per second. */
  rate: number;
  seconds: number;
  warmupSeconds: number;
  /** The paths one arrival asks for, all at once (a page that loads two resources: two). */
  arrival: (index: number) => string[];
}

export interface OpenLoopResult {
  /** Arrivals measured (after warm-up). */
  count: number;
  /** Arrivals per second actually scheduled over the measured span. */
  rate: number;
  /** Milliseconds from the scheduled time to the last answer of the arrival. */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  /** How late the scheduler itself sent, at its 99th percentile (ms): the client's own delay. */
  sendLagP99: number;
  /** The client's event-loop delay at its 99th percentile (ms), measured meanwhile. */
  clientDelayP99: number;
}

/** Where an answer's reading stands (one per connection, reused for every answer on it). */
type Stage = 'head' | 'body' | 'chunk-size' | 'chunk-data' | 'chunk-end' | 'trailer';

/** One keep-alive connection and the answer it is reading, if any. */
class Connection {
  readonly socket: Socket;
  /** The arrival whose request is on this connection (-1: idle). */
  arrival = -1;
  /** The server closed it (or it failed): never used again. */
  closed = false;
  private stage: Stage = 'head';
  private status = 0;
  private remaining = 0;
  /** Bytes of a head or chunk-size line split across reads. */
  private partial: Buffer | null = null;

  constructor(
    host: string,
    port: number,
    private readonly done: (connection: Connection, ok: boolean) => void,
  ) {
    // Read into one buffer shared by every connection, instead of a new Buffer per read: what
    // is read is consumed before the callback returns (a split head is copied).
    this.socket = connect({
      host,
      port,
      noDelay: true,
      onread: {
        buffer: READ_BUFFER,
        callback: (length, buffer) => {
          this.read((buffer as Buffer).subarray(0, length));
          return true;
        },
      },
    });
    this.socket.on('error', () => undefined);
    this.socket.on('close', () => {
      this.closed = true;
      if (this.arrival >= 0) this.done(this, false);
    });
  }

  send(request: Buffer, arrival: number): void {
    this.arrival = arrival;
    this.stage = 'head';
    this.partial = null;
    this.socket.write(request);
  }

  private read(chunk: Buffer): void {
    let data = chunk;
    if (this.partial) {
      data = Buffer.concat([this.partial, chunk]);
      this.partial = null;
    }
    let at = 0;
    while (at < data.length && this.arrival >= 0) {
      switch (this.stage) {
        case 'head': {
          const end = data.indexOf('\r\n\r\n', at, 'latin1');
          if (end < 0) return this.keep(data, at);
          const empty = this.head(data, at, end);
          at = end + 4;
          if (empty) this.finish();
          break;
        }
        case 'body': {
          at = this.skip(data, at);
          if (this.remaining === 0) this.finish();
          break;
        }
        case 'chunk-size': {
          const end = data.indexOf(CRLF_BYTES, at);
          if (end < 0) return this.keep(data, at);
          // Hex digits up to a ';' (chunk extensions) or the line's end.
          let size = 0;
          for (let i = at; i < end; i++) {
            const digit = hexValue(data[i] ?? 0);
            if (digit < 0) break;
            size = size * 16 + digit;
          }
          at = end + 2;
          this.remaining = size;
          this.stage = size === 0 ? 'trailer' : 'chunk-data';
          break;
        }
        case 'chunk-data': {
          at = this.skip(data, at);
          if (this.remaining === 0) this.stage = 'chunk-end';
          break;
        }
        case 'chunk-end': {
          if (data.length - at < 2) return this.keep(data, at);
          at += 2;
          this.stage = 'chunk-size';
          break;
        }
        case 'trailer': {
          // No trailers are sent: the empty line that ends the body.
          if (data.length - at < 2) return this.keep(data, at);
          at += 2;
          this.finish();
          break;
        }
      }
    }
  }

  /**
   * Reads the status and how the body is framed (the head is ASCII, read without a string);
   * true when there is no body to read.
   */
  private head(data: Buffer, from: number, end: number): boolean {
    // "HTTP/1.1 200 ": the status is bytes 9–11.
    this.status =
      ((data[from + 9] ?? 0) - 48) * 100 +
      ((data[from + 10] ?? 0) - 48) * 10 +
      ((data[from + 11] ?? 0) - 48);
    const length = headerValueAt(data, from, end, CONTENT_LENGTH);
    if (length >= 0) {
      let value = 0;
      for (let i = length; i < end && data[i] !== 0x0d; i++) {
        const byte = data[i] ?? 0;
        if (byte >= 48 && byte <= 57) value = value * 10 + byte - 48;
      }
      this.remaining = value;
      this.stage = 'body';
      return value === 0;
    }
    if (headerValueAt(data, from, end, TRANSFER_ENCODING) >= 0) {
      this.stage = 'chunk-size';
      return false;
    }
    this.remaining = 0;
    this.stage = 'body';
    return true;
  }

  /** Counts off what `data` holds of the `remaining` body bytes; where reading goes on. */
  private skip(data: Buffer, at: number): number {
    const taken = Math.min(this.remaining, data.length - at);
    this.remaining -= taken;
    return at + taken;
  }

  private keep(data: Buffer, from: number): void {
    this.partial = Buffer.from(data.subarray(from));
  }

  private finish(): void {
    this.stage = 'head';
    this.done(this, this.status === 200);
  }
}

const READ_BUFFER = Buffer.alloc(256 * 1024);
const CRLF_BYTES = Buffer.from('\r\n', 'latin1');
const CONTENT_LENGTH = Buffer.from('\r\ncontent-length:', 'latin1');
const TRANSFER_ENCODING = Buffer.from('\r\ntransfer-encoding:', 'latin1');

/** Where the value of a header starts (after its name, colon and spaces), or -1. */
function headerValueAt(data: Buffer, from: number, end: number, name: Buffer): number {
  // Header names are case-insensitive: compared as lower case, byte by byte.
  outer: for (let i = from; i + name.length <= end + 2; i++) {
    for (let j = 0; j < name.length; j++) {
      const byte = data[i + j] ?? 0;
      const lower = byte >= 65 && byte <= 90 ? byte + 32 : byte;
      if (lower !== name[j]) continue outer;
    }
    let at = i + name.length;
    while (data[at] === 0x20) at++;
    return at;
  }
  return -1;
}

function hexValue(byte: number): number {
  if (byte >= 48 && byte <= 57) return byte - 48;
  if (byte >= 97 && byte <= 102) return byte - 87;
  if (byte >= 65 && byte <= 70) return byte - 55;
  return -1;
}

/** Runs the schedule: warm-up, then `seconds` measured; the clock never waits for answers. */
export async function openLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const url = new URL(options.baseUrl);
  const host = url.hostname;
  const port = Number(url.port || 80);
  const interval = 1000 / options.rate;
  const total = Math.round((options.warmupSeconds + options.seconds) * options.rate);
  const measuredFrom = Math.round(options.warmupSeconds * options.rate);
  // Every request's bytes, encoded once for each distinct path.
  const encoded = new Map<string, Buffer>();
  const requestFor = (path: string) => {
    let bytes = encoded.get(path);
    if (!bytes) {
      bytes = Buffer.from(
        `GET ${path} HTTP/1.1\r\nHost: ${url.host}\r\nCookie: ${options.cookie}\r\n\r\n`,
        'latin1',
      );
      encoded.set(path, bytes);
    }
    return bytes;
  };
  const due = new Float64Array(total);
  const answered = new Float64Array(total);
  const lags = new Float64Array(total);
  const outstanding = new Uint8Array(total);
  const failed = new Uint8Array(total);
  let unfinished = total;
  let finished: () => void = () => undefined;
  const allFinished = new Promise<void>((resolve) => (finished = resolve));

  // Enough connections that no request waits for a free one: the client must never queue.
  // Idle ones are reused last-in first-out, as a browser's pool would.
  const idle: Connection[] = [];
  const all: Connection[] = [];
  const done = (connection: Connection, ok: boolean) => {
    const arrival = connection.arrival;
    connection.arrival = -1;
    if (ok) idle.push(connection);
    if (!ok) failed[arrival] = 1;
    const left = (outstanding[arrival] ?? 1) - 1;
    outstanding[arrival] = left;
    if (left === 0) {
      answered[arrival] = performance.now();
      if (--unfinished === 0) finished();
    }
  };
  const take = () => {
    for (let reused = idle.pop(); reused; reused = idle.pop()) if (!reused.closed) return reused;
    const fresh = new Connection(host, port, done);
    all.push(fresh);
    return fresh;
  };

  const delay = monitorEventLoopDelay({ resolution: 1 });
  const start = performance.now() + 20;
  let next = 0;
  // One timer at a time: each turn sends every arrival that is due (a late timer or a busy
  // event loop sends them at once, and their latency, counted from `due`, includes the delay),
  // then sleeps until the next one. No busy-waiting: the client shares the server's cores.
  await new Promise<void>((scheduled) => {
    const tick = () => {
      const now = performance.now();
      while (next < total && start + next * interval <= now) {
        const index = next++;
        due[index] = start + index * interval;
        const paths = options.arrival(index);
        outstanding[index] = paths.length;
        lags[index] = performance.now() - (due[index] ?? 0);
        for (const path of paths) take().send(requestFor(path), index);
        if (index === measuredFrom) delay.enable();
      }
      if (next < total) setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
      else scheduled();
    };
    setTimeout(tick, Math.max(0, start - performance.now()));
  });
  await allFinished;
  delay.disable();
  for (const connection of all) connection.socket.destroy();

  const latencies: number[] = [];
  const sendLags: number[] = [];
  let errors = 0;
  for (let index = measuredFrom; index < total; index++) {
    sendLags.push(lags[index] ?? 0);
    if (failed[index]) errors++;
    else latencies.push((answered[index] ?? 0) - (due[index] ?? 0));
  }
  latencies.sort((a, b) => a - b);
  sendLags.sort((a, b) => a - b);
  const at = (values: number[], p: number) =>
    values[Math.min(values.length - 1, Math.floor(p * values.length))] ?? 0;
  return {
    count: latencies.length + errors,
    rate: options.rate,
    p50: at(latencies, 0.5),
    p95: at(latencies, 0.95),
    p99: at(latencies, 0.99),
    max: latencies[latencies.length - 1] ?? 0,
    errors,
    sendLagP99: at(sendLags, 0.99),
    clientDelayP99: delay.percentile(99) / 1e6,
  };
}
