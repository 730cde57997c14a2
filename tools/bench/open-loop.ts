// Open-loop latency: requests leave on a fixed clock whatever the server does, as independent
// users' requests arrive, and each one's latency runs from the moment it was due, not from
// when it was sent. A closed loop (autocannon's N connections, each waiting for its answer
// before asking again) slows its own arrivals when the server slows, and so hides the wait a
// real user would have had (coordinated omission).
import { Agent, request } from 'node:http';

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
}

/** Runs the schedule: warm-up, then `seconds` measured; the clock never waits for answers. */
export async function openLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  // Enough sockets that no request waits for a free one: the client must never queue.
  const agent = new Agent({ keepAlive: true, maxSockets: 1024 });
  const interval = 1000 / options.rate;
  const total = Math.round((options.warmupSeconds + options.seconds) * options.rate);
  const measuredFrom = Math.round(options.warmupSeconds * options.rate);
  const latencies: number[] = [];
  const lags: number[] = [];
  let errors = 0;
  const pending: Promise<void>[] = [];
  const start = performance.now() + 20;
  for (let index = 0; index < total; index++) {
    const due = start + index * interval;
    const wait = due - performance.now();
    // Behind schedule (a slow timer, a busy event loop): send at once, and the latency, counted
    // from `due`, includes the delay. No busy-waiting: the client shares the server's cores.
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const measured = index >= measuredFrom;
    if (measured) lags.push(performance.now() - due);
    const sent = Promise.all(
      options.arrival(index).map((path) => get(agent, options.baseUrl + path, options.cookie)),
    ).then(
      (statuses) => {
        if (!measured) return;
        if (statuses.every((status) => status === 200)) latencies.push(performance.now() - due);
        else errors++;
      },
      () => {
        if (measured) errors++;
      },
    );
    pending.push(sent);
  }
  await Promise.all(pending);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  lags.sort((a, b) => a - b);
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
    sendLagP99: at(lags, 0.99),
  };
}

/** One GET, resolving with its status once the whole body has arrived. */
function get(agent: Agent, url: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { agent, headers: { cookie } }, (response) => {
      response.on('data', () => undefined);
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}
