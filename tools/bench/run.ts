// npm run bench: the project's benchmarks, printed as a table. Figures go in docs/performance.md.
import { benchEvents, eventsHeading, eventsOptionsFromEnv } from './events';
import { benchMailThroughput, benchRawSmtp } from './mail-throughput';

async function main() {
  const messages = Number(process.env['BENCH_MAIL_MESSAGES'] ?? 2000);
  console.log(`Mail: outbox → SMTP sink on loopback, ${messages} messages`);
  const raw = await benchRawSmtp({ messages });
  console.log(
    `  nodemailer straight to the sink, batches of 50, no database: ${raw.perSecond.toFixed(0)} messages/s ` +
      `over ${raw.connections} SMTP connections`,
  );
  for (const workers of [1, 2]) {
    const result = await benchMailThroughput({ messages, workers });
    console.log(
      `  ${workers} worker(s): ${result.perSecond.toFixed(0)} messages/s ` +
        `(${result.seconds.toFixed(2)} s, ${result.duplicates} duplicates, ` +
        `${result.connections} SMTP connections)`,
    );
  }

  const events = eventsOptionsFromEnv();
  console.log(eventsHeading(events));
  await benchEvents(events);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
