// npm run fuzz -- --runs 200 [--seed 42]: the route fuzzer of apps/api/src/common/fuzz.int.spec.ts
// with more cases per route and caller than npm test runs (6), on a fresh PostgreSQL database.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '100' }, seed: { type: 'string' } },
});
if (!/^\d+$/.test(values.runs) || (values.seed !== undefined && !/^-?\d+$/.test(values.seed))) {
  console.error('usage: npm run fuzz -- --runs <count> [--seed <integer>]');
  process.exit(2);
}
const result = spawnSync(
  'jest',
  [
    '-c',
    'apps/api/jest.config.cts',
    'apps/api/src/common/fuzz.int.spec.ts',
    '--testTimeout=3600000',
  ],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      FUZZ_RUNS: values.runs,
      ...(values.seed !== undefined ? { FUZZ_SEED: values.seed } : {}),
      NODE_OPTIONS: '--experimental-vm-modules --no-warnings=ExperimentalWarning',
    },
  },
);
process.exit(result.status ?? 1);
