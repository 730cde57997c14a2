// The whole API (createApp) in its own process for the events benchmark, so that the load
// generator does not share its event loop. Loaded through ts-node, not tsx: Nest resolves
// constructor injection from decorator metadata, which esbuild (tsx) does not emit.
// Parent → child: { type: 'start', env }, later { type: 'stop' }.
// Child → parent: { type: 'listening', port }.
import Module from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

// The workspace's path aliases (tsconfig.base.json), which ts-node does not resolve.
const aliases: Record<string, string> = {
  '@convene/contracts': join(__dirname, '../../libs/contracts/src/index.ts'),
  '@convene/domain': join(__dirname, '../../libs/domain/src/index.ts'),
};
const loader = Module as unknown as {
  _resolveFilename(request: string, ...rest: unknown[]): string;
};
const resolve = loader._resolveFilename;
loader._resolveFilename = function (request, ...rest) {
  return resolve.call(this, aliases[request] ?? request, ...rest);
};

type Message = { type: 'start'; env: Record<string, string> } | { type: 'stop' };

async function start(env: Record<string, string>) {
  // Required only now, after the aliases are in place.
  const { createApp } =
    require('../../apps/api/src/app.factory') as typeof import('../../apps/api/src/app.factory');
  const { loadConfig } =
    require('../../apps/api/src/config/app-config') as typeof import('../../apps/api/src/config/app-config');
  const running = await createApp(loadConfig(env), { silent: true });
  await running.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = running.app.getHttpServer().address() as AddressInfo;
  process.on('message', (message: Message) => {
    if (message.type === 'stop') void running.close().then(() => process.exit(0));
  });
  process.send?.({ type: 'listening', port });
}

// An orphan (the benchmark died) does not keep a server running.
process.once('disconnect', () => process.exit(0));

process.once('message', (message: Message) => {
  if (message.type !== 'start') return;
  start(message.env).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});
