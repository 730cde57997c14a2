import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestS3, type TestS3 } from '../testing/s3-server';
import { documentKey, FolderStore, ObjectMissing, type ObjectStore, S3Store } from './storage';

const text = async (stream: NodeJS.ReadableStream) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
};

const key = () => documentKey(randomUUID(), randomUUID(), randomUUID());

describe.each(['folder', 's3'] as const)('the %s storage driver', (driver) => {
  let s3: TestS3 | null = null;
  let folder = '';
  let store: ObjectStore;

  beforeAll(async () => {
    if (driver === 's3') {
      s3 = await startTestS3();
      store = new S3Store({
        endpoint: s3.endpoint,
        bucket: s3.bucket,
        region: 'us-east-1',
        forcePathStyle: true,
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
      });
    } else {
      folder = await mkdtemp(join(tmpdir(), 'convene-files-'));
      store = new FolderStore(folder);
    }
  });

  afterAll(async () => {
    if (store instanceof S3Store) store.destroy();
    await s3?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('gives back what it was given, streamed and whole', async () => {
    const name = key();
    await store.put(name, Buffer.from('the meeting report'), 'application/pdf');
    expect(await text(await store.get(name))).toBe('the meeting report');
    expect((await store.read(name)).toString()).toBe('the meeting report');
  });

  it('says a missing object is missing, before any byte is streamed', async () => {
    await expect(store.get(key())).rejects.toBeInstanceOf(ObjectMissing);
  });

  it('forgets a deleted object', async () => {
    const name = key();
    await store.put(name, Buffer.from('x'), 'image/png');
    await store.delete(name);
    await expect(store.read(name)).rejects.toBeInstanceOf(ObjectMissing);
  });

  it('refuses a key outside the tenant layout', async () => {
    await expect(store.put('../../etc/passwd', Buffer.from('x'), 'text/plain')).rejects.toThrow(
      /Not a storage key/,
    );
    await expect(
      store.put(`tenant/${randomUUID()}/documents/../../x`, Buffer.from('x'), 'text/plain'),
    ).rejects.toThrow(/Not a storage key/);
  });

  if (driver === 'folder') {
    it('leaves no half file when the disk refuses the write', async () => {
      const name = key();
      // A folder already where the object goes: the temporary file is written, the rename
      // onto the key fails, and nothing stays behind.
      await mkdir(join(folder, name, 'occupied'), { recursive: true });
      await expect(store.put(name, Buffer.alloc(10), 'x')).rejects.toThrow();
      const files = await readdir(join(folder, ...name.split('/').slice(0, -1)));
      expect(files.filter((file) => file.includes('.partial-'))).toEqual([]);
    });
  }
});

describe('an S3 store that goes away in the middle of an upload', () => {
  let s3: TestS3;
  let proxy: Server;
  const sockets = new Set<Socket>();
  let cutAfter = Infinity;
  let store: S3Store;
  let direct: S3Store;

  beforeAll(async () => {
    s3 = await startTestS3();
    const upstream = new URL(s3.endpoint);
    // A TCP relay in front of the real server that drops both connections once it has passed
    // `cutAfter` bytes of a request: the network failing mid-upload.
    proxy = createServer((client) => {
      const server = connect(Number(upstream.port), upstream.hostname);
      sockets.add(client).add(server);
      let passed = 0;
      client.on('data', (chunk: Buffer) => {
        passed += chunk.length;
        if (passed > cutAfter) {
          client.destroy();
          server.destroy();
          return;
        }
        server.write(chunk);
      });
      server.on('data', (chunk) => client.write(chunk));
      client.on('error', () => server.destroy());
      server.on('error', () => client.destroy());
      client.on('close', () => server.destroy());
      server.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const port = (proxy.address() as { port: number }).port;
    const options = {
      bucket: s3.bucket,
      region: 'us-east-1',
      forcePathStyle: true,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      timeoutMs: 2_000,
    };
    store = new S3Store({ ...options, endpoint: `http://127.0.0.1:${port}` });
    direct = new S3Store({ ...options, endpoint: s3.endpoint });
  });

  afterAll(async () => {
    store.destroy();
    direct.destroy();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => proxy.close(resolve));
    await s3.close();
  });

  it('fails the upload and keeps no part of the object', async () => {
    const name = key();
    cutAfter = 200_000;
    await expect(store.put(name, Buffer.alloc(2_000_000, 7), 'application/pdf')).rejects.toThrow();
    await expect(direct.read(name)).rejects.toBeInstanceOf(ObjectMissing);
    cutAfter = Infinity;
    await store.put(name, Buffer.from('whole'), 'application/pdf');
    expect((await direct.read(name)).toString()).toBe('whole');
  });
});
