import baseConfig, { moduleBoundaries } from '../eslint.config.mjs';

/**
 * The modules of apps/api that tools may import by path, and no others. The load generator and
 * the benchmarks drive the API from the inside: they read its configuration, open its databases
 * and run in its transactions (db/), provision tenants, send EventsService's own list statement
 * with its cursors and FiguresService's statement, queue and send mail through the outbox and its worker, and receive it with the
 * tests' SMTP sink; the OpenAPI lint (openapi.ts) builds the whole app with app.factory, to read
 * the document it serves. Anything else of the API (controllers, entities, other features'
 * services) stays out of reach: a new need is a new line here, reviewed as such.
 */
const apiModules = [
  'app\\.factory',
  'config/app-config',
  'db/[^/]+',
  'tenants/tenant-provisioning',
  'events/event-list\\.query',
  'participation/figures\\.query',
  'participation/invitations\\.query',
  'common/cursor',
  'mail/mail-worker',
  'mail/outbox\\.service',
  'testing/smtp-sink',
  // The dashboard bench sends the dashboard's and the map's own statements.
  'reports/dashboard\\.query',
  // The search bench sends the documents' search statement itself.
  'documents/document-search\\.query',
];

export default [
  ...baseConfig,
  // The bare Angular app of the web benchmark is a project of its own, with its own lint.
  { ignores: ['bench/web/bare/**'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          ...moduleBoundaries,
          allow: [
            ...moduleBoundaries.allow,
            ...apiModules.map((module) => `^(\\.\\./)+apps/api/src/${module}$`),
          ],
        },
      ],
    },
  },
];
