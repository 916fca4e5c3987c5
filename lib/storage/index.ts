/**
 * Where file contents live: a small interface, so the evidence code never
 * touches a disk path, and its default implementation, a pair of PostgreSQL
 * tables (StoredFile, StoredFileChunk). Files in the database are shared by
 * every instance, travel in every backup (pg_dump) and reach every replica,
 * and a write joins the caller's transaction, so a refused upload stores nothing.
 *
 * Contents are written in chunks of CHUNK_BYTES and read back chunk by chunk
 * as a web ReadableStream, so a download never holds more than one chunk of a
 * file in memory. Another backend (e.g. an object store) implements FileStore
 * and is returned by `fileStore()`.
 */
import { createHash } from "node:crypto";
import { db, type Tx } from "@/lib/db";

/** 256 KiB: small enough to stream, large enough that a 10 MiB file is 40 rows. */
export const CHUNK_BYTES = 256 * 1024;

export type StoredFileInfo = { key: string; sizeBytes: number; sha256: string };

export interface FileStore {
  /**
   * Store `bytes` under `key` (a UUID) inside transaction `tx`.
   * @throws when the key exists
   */
  put(tx: Tx, key: string, bytes: Uint8Array): Promise<StoredFileInfo>;
  /** The file's size and digest, or null when absent. */
  stat(key: string): Promise<StoredFileInfo | null>;
  /** Stream the contents, or null when absent. */
  open(key: string): Promise<{ info: StoredFileInfo; stream: ReadableStream<Uint8Array> } | null>;
  /** Remove the file inside `tx` (no error when absent). */
  remove(tx: Tx, key: string): Promise<void>;
}

/** The default store: the StoredFile / StoredFileChunk tables. */
export class DatabaseFileStore implements FileStore {
  async put(tx: Tx, key: string, bytes: Uint8Array): Promise<StoredFileInfo> {
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    await tx.storedFile.create({ data: { key, sizeBytes: bytes.byteLength, sha256 } });
    const chunks = Math.max(1, Math.ceil(bytes.byteLength / CHUNK_BYTES));
    for (let seq = 0; seq < chunks; seq++) {
      await tx.storedFileChunk.create({ data: { key, seq, data: new Uint8Array(bytes.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES)) } });
    }
    return { key, sizeBytes: bytes.byteLength, sha256 };
  }

  async stat(key: string): Promise<StoredFileInfo | null> {
    return db().storedFile.findUnique({ where: { key }, select: { key: true, sizeBytes: true, sha256: true } });
  }

  async open(key: string) {
    const info = await this.stat(key);
    if (!info) return null;
    let seq = 0;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const chunk = await db().storedFileChunk.findUnique({ where: { key_seq: { key, seq } }, select: { data: true } });
        if (!chunk) return controller.close();
        seq++;
        controller.enqueue(new Uint8Array(chunk.data));
      },
    });
    return { info, stream };
  }

  async remove(tx: Tx, key: string): Promise<void> {
    await tx.storedFile.deleteMany({ where: { key } });
  }
}

const holder = globalThis as unknown as { __portalFileStore?: FileStore };

/** The configured store (the database unless another is installed). */
export function fileStore(): FileStore {
  holder.__portalFileStore ??= new DatabaseFileStore();
  return holder.__portalFileStore;
}

/** Install another store (tests, another backend); null restores the default. */
export function setFileStore(store: FileStore | null): void {
  holder.__portalFileStore = store ?? undefined;
}

/** Read a whole stream (small files, verification). */
export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of stream as unknown as AsyncIterable<Uint8Array>) parts.push(part);
  return Buffer.concat(parts);
}
