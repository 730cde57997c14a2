import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { AppConfig } from '../config/app-config';

/**
 * Where documents' bytes live (docs/documents.md). One interface, the S3 API's three verbs, and
 * two drivers: a folder on disk for `npm start` and an S3-compatible store (AWS, MinIO, Ceph,
 * s3rver in the tests). An object is written whole or not at all: S3's PutObject is atomic, and
 * the folder driver writes a temporary file and renames it. Objects are never changed after they
 * are written (a new version is a new object), so a reader never sees half of one.
 */
export interface ObjectStore {
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The object's bytes as a stream, opened before this resolves (a missing object throws here). */
  get(key: string): Promise<Readable>;
  /** The whole object, for the text extraction. */
  read(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

/** A key the store does not hold. */
export class ObjectMissing extends Error {
  constructor(key: string) {
    super(`No stored object ${key}`);
  }
}

/**
 * Keys are `tenant/<tenant id>/documents/<document id>/<version id>`,
 * `tenant/<tenant id>/experts/<user id>/<cv id>` and
 * `tenant/<tenant id>/requests/<request id>/<attachment id>`: uuids, those words and slashes only.
 */
const KEY = /^tenant\/[0-9a-f-]{36}(\/[0-9a-f-]{36}|\/documents|\/experts|\/requests)+$/;

export function documentKey(tenantId: string, documentId: string, versionId: string): string {
  return `tenant/${tenantId}/documents/${documentId}/${versionId}`;
}

export function expertCvKey(tenantId: string, userId: string, cvId: string): string {
  return `tenant/${tenantId}/experts/${userId}/${cvId}`;
}

/** Where an assistance request's attached file lives (docs/requests.md). */
export function requestAttachmentKey(
  tenantId: string,
  requestId: string,
  attachmentId: string,
): string {
  return `tenant/${tenantId}/requests/${requestId}/${attachmentId}`;
}

function checkedKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`Not a storage key: ${key}`);
  return key;
}

/** A folder on disk, one file per object. */
export class FolderStore implements ObjectStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    const path = resolve(this.root, checkedKey(key));
    if (!path.startsWith(this.root + sep)) throw new Error(`Key outside the store: ${key}`);
    return path;
  }

  async put(key: string, body: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Written beside its place, then renamed: a crash or a full disk leaves no half object
    // under the key, only a temporary file.
    const partial = `${path}.partial-${randomBytes(8).toString('hex')}`;
    try {
      await writeFile(partial, body, { flag: 'wx' });
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    // Opened first, so a missing file fails before any answer is started.
    const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? new ObjectMissing(key) : error;
    });
    // The stream owns the handle and closes it. Handing it the bare descriptor instead left the
    // handle to be closed again when collected, which fails (EBADF) and brings the process down.
    return handle.createReadStream({ autoClose: true });
  }

  async read(key: string): Promise<Buffer> {
    const handle = await open(this.pathOf(key), 'r').catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? new ObjectMissing(key) : error;
    });
    try {
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

export interface S3StoreOptions {
  endpoint: string | null;
  bucket: string;
  region: string;
  forcePathStyle: boolean;
  accessKeyId: string | null;
  secretAccessKey: string | null;
  /** Give up on a store that does not answer (ms); the SDK's own default waits much longer. */
  timeoutMs?: number;
}

/** An S3-compatible store, through the AWS SDK. */
export class S3Store implements ObjectStore {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(options: S3StoreOptions) {
    this.bucket = options.bucket;
    this.client = new S3Client({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      forcePathStyle: options.forcePathStyle,
      ...(options.accessKeyId && options.secretAccessKey
        ? {
            credentials: {
              accessKeyId: options.accessKeyId,
              secretAccessKey: options.secretAccessKey,
            },
          }
        : {}),
      // Current SDKs add CRC checksums and aws-chunked uploads by default, which many
      // S3-compatible stores (and emulators) refuse: only when the operation requires them.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 2,
      requestHandler: {
        connectionTimeout: options.timeoutMs ?? 5_000,
        requestTimeout: (options.timeoutMs ?? 5_000) * 6,
      },
    });
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    checkedKey(key);
    // AWS S3 stores nothing of a cut upload, but not every S3-compatible server is as careful
    // (s3rver keeps what arrived). So the bytes go to a scratch key first and are copied under
    // their own key, server-side, only once they all arrived: the key is whole or absent. A
    // scratch object a failure leaves behind is referenced by nothing (`.upload-` keys may be
    // swept by a lifecycle rule).
    const scratch = `${key}.upload-${randomBytes(8).toString('hex')}`;
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: scratch,
          Body: body,
          ContentType: contentType,
          ContentLength: body.length,
        }),
      );
      await this.client.send(
        new CopyObjectCommand({
          Bucket: this.bucket,
          Key: key,
          CopySource: `${this.bucket}/${scratch}`,
          ContentType: contentType,
          MetadataDirective: 'REPLACE',
        }),
      );
    } finally {
      await this.client
        .send(new DeleteObjectCommand({ Bucket: this.bucket, Key: scratch }))
        .catch(() => undefined);
    }
  }

  async get(key: string): Promise<Readable> {
    try {
      const answer = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: checkedKey(key) }),
      );
      return answer.Body as Readable;
    } catch (error) {
      if (error instanceof NoSuchKey) throw new ObjectMissing(key);
      throw error;
    }
  }

  async read(key: string): Promise<Buffer> {
    const stream = await this.get(key);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: checkedKey(key) }));
  }

  destroy(): void {
    this.client.destroy();
  }
}

/** The store the configuration names. */
export function storeFor(storage: AppConfig['storage']): ObjectStore {
  return storage.driver === 'local' ? new FolderStore(storage.dir) : new S3Store(storage);
}

/** The Nest token of the store. */
export const OBJECT_STORE = Symbol('OBJECT_STORE');
