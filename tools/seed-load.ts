// npm run seed:load -- --events 50000 [--tenant load] [--database-url URL]
// The script package.json runs: the command itself is tools/seed-load/command.ts, the generator
// and its tables sit beside it.
import { main } from './seed-load/command';

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
