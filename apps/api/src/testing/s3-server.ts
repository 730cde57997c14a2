import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

export interface TestS3 {
  endpoint: string;
  bucket: string;
  /** The environment that points the app's S3 driver at this server. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * A real S3-compatible server (s3rver) on a free loopback port, its objects in a temporary
 * folder: the S3 driver is tested against HTTP, signatures and all, never a mock.
 */
export async function startTestS3(bucket = 'convene-test'): Promise<TestS3> {
  const directory = await mkdtemp(join(tmpdir(), 'convene-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const address = (await server.run()) as AddressInfo;
  const endpoint = `http://127.0.0.1:${address.port}`;
  let closed = false;
  return {
    endpoint,
    bucket,
    env: {
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
    // Idempotent: a test that stops the store (an outage) and the app's own close both call it.
    async close() {
      if (!closed) {
        closed = true;
        await server.close();
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
}
