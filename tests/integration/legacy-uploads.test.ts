/**
 * Evidence files older versions kept on disk (UPLOAD_DIR/<uuid>) are imported
 * into the database file store at start, each checked against the sha256 its
 * Attachment row recorded; a missing or altered file is reported, not imported.
 */
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDraft } from "@/lib/applications/drafts";
import { readEvidence } from "@/lib/applications/attachments";
import { db } from "@/lib/db";
import { CHUNK_BYTES, readAll } from "@/lib/storage";
import { importLegacyUploads } from "@/scripts/lib/legacy-uploads";
import { ctxOf } from "../helpers/fixtures";
import { applicationWorld, form } from "./applications-fixtures";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "legacy-uploads-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("importing evidence files from disk", () => {
  it("imports files whose digest matches, reports missing and altered ones, and is idempotent", async () => {
    const w = await applicationWorld();
    const { id: applicationId } = await createDraft(ctxOf(w.actors.cadre), form());
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(Array.from({ length: CHUNK_BYTES + 77 }, (_, i) => i % 253))]);
    const legacy = async (bytes: Buffer | null, recorded: Buffer) => {
      const key = randomUUID();
      if (bytes) fs.writeFileSync(path.join(dir, key), bytes);
      await db().attachment.create({
        data: { id: key, applicationId: applicationId, uploadedById: w.users.cadre.id, fileName: `${key}.png`, mimeType: "image/png", sizeBytes: recorded.byteLength, sha256: createHash("sha256").update(recorded).digest("hex"), storageKey: key, round: 0 },
      });
      return key;
    };
    const good = await legacy(png, png);
    const missing = await legacy(null, png);
    const altered = await legacy(Buffer.concat([png, Buffer.from("x")]), png);

    const report = await importLegacyUploads(process.env.DATABASE_URL!, dir);
    expect(report.imported).toBe(1);
    expect(report.missing).toContain(missing);
    expect(report.mismatched).toContain(altered);
    expect(await readAll((await readEvidence(applicationId, good)).stream)).toEqual(png);
    expect(await db().storedFile.findUnique({ where: { key: altered } })).toBeNull();

    const again = await importLegacyUploads(process.env.DATABASE_URL!, dir);
    expect(again.imported).toBe(0);
    expect(await db().storedFileChunk.count({ where: { key: good } })).toBe(2);
  });
});
