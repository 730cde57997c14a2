// npm run bench: the project's benchmarks, printed as a table. Figures go in docs/performance.md.
import {
  benchDocumentSearch,
  documentSearchHeading,
  documentSearchOptionsFromEnv,
} from './document-search';
import { benchDashboard, dashboardHeading, dashboardOptionsFromEnv } from './dashboard';
import { benchEvents, eventsHeading, eventsOptionsFromEnv } from './events';
import { benchMailThroughput, benchRawSmtp } from './mail-throughput';
import {
  benchParticipation,
  participationHeading,
  participationOptionsFromEnv,
} from './participation';

async function main() {
  // BENCH_ONLY=search: only the documents' search (the others take minutes each).
  if (process.env['BENCH_ONLY'] === 'search') {
    const only = documentSearchOptionsFromEnv();
    console.log(documentSearchHeading(only));
    await benchDocumentSearch(only);
    return;
  }
  // BENCH_ONLY=events: only the events list, page and filtered list (closed and open loops).
  if (process.env['BENCH_ONLY'] === 'events') {
    const only = eventsOptionsFromEnv();
    console.log(eventsHeading(only));
    await benchEvents(only);
    return;
  }
  // BENCH_ONLY=dashboard: only the dashboard and the map.
  if (process.env['BENCH_ONLY'] === 'dashboard') {
    const only = dashboardOptionsFromEnv();
    console.log(dashboardHeading(only));
    await benchDashboard(only);
    return;
  }
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

  console.log(participationHeading());
  await benchParticipation(participationOptionsFromEnv());

  const search = documentSearchOptionsFromEnv();
  console.log(documentSearchHeading(search));
  await benchDocumentSearch(search);

  const dashboard = dashboardOptionsFromEnv();
  console.log(dashboardHeading(dashboard));
  await benchDashboard(dashboard);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
