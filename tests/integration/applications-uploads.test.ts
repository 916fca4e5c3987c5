/**
 * Evidence uploads against PostgreSQL: accepted files are stored in the file
 * store (StoredFile/StoredFileChunk, never on disk or under the web root) with
 * their sha256; refused ones (wrong type by content, oversize, active PDF, no
 * right, over the limit) leave no stored file and no row.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDraft } from "@/lib/applications/drafts";
import { MAX_FILES_PER_APPLICATION, readEvidence, removeEvidence, storeEvidence } from "@/lib/applications/attachments";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { CHUNK_BYTES, readAll } from "@/lib/storage";
import { DomainError, ForbiddenError } from "@/lib/errors";
import { ctxOf } from "../helpers/fixtures";
import { applicationWorld, form, step, type ApplicationWorld } from "./applications-fixtures";

const MAX = 4096;
let dir = "";
let w: ApplicationWorld;
let applicationId = 0;

const PDF = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const file = (bytes: Buffer, name: string, type = "application/pdf") => new File([new Uint8Array(bytes)], name, { type });
/** Keys of every stored file (the store, not the file system). */
const stored = async () => (await db().storedFile.findMany({ select: { key: true } })).map((f) => f.key);
const rows = () => db().attachment.count({ where: { applicationId: applicationId } });
const contents = async (key: string) => Buffer.concat((await db().storedFileChunk.findMany({ where: { key }, orderBy: { seq: "asc" } })).map((c) => Buffer.from(c.data)));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "applications-uploads-"));
  // Where older versions wrote files: nothing may be written there any more.
  process.env.UPLOAD_DIR = path.join(dir, "data", "uploads");
  process.env.MAX_UPLOAD_BYTES = String(MAX);
  resetEnvCache();
  dir = process.env.UPLOAD_DIR;
  w = await applicationWorld();
  applicationId = (await createDraft(ctxOf(w.actors.cadre), form())).id;
});
afterAll(() => {
  delete process.env.UPLOAD_DIR;
  delete process.env.MAX_UPLOAD_BYTES;
  resetEnvCache();
  fs.rmSync(path.dirname(path.dirname(dir)), { recursive: true, force: true });
});

/** Run `attempt` after counting what is stored (started only then, so its rejection is handled at once). */
async function refused(attempt: () => Promise<unknown>) {
  const files = (await stored()).length;
  const count = await rows();
  const error = await attempt().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((await stored()).length).toBe(files);
  expect(await rows()).toBe(count);
  return error as DomainError;
}

describe("evidence uploads", () => {
  it("stores an accepted PDF in the file store with a clean name and its sha256, and reads it back", async () => {
    const result = await storeEvidence(ctxOf(w.actors.cadre), { applicationId, file: file(PDF, "../../合同/解除通知.pdf"), permission: "application.edit" });
    expect(result.fileName).toBe("解除通知.pdf");
    const row = await db().attachment.findUniqueOrThrow({ where: { id: result.id } });
    expect(row).toMatchObject({ mimeType: "application/pdf", sizeBytes: PDF.byteLength, round: 0, sha256: createHash("sha256").update(PDF).digest("hex"), storageKey: result.id });
    expect(await contents(row.storageKey)).toEqual(PDF);
    expect(await db().storedFile.findUniqueOrThrow({ where: { key: row.storageKey } })).toMatchObject({ sizeBytes: PDF.byteLength, sha256: row.sha256 });
    const read = await readEvidence(applicationId, result.id);
    expect(read.sizeBytes).toBe(PDF.byteLength);
    expect(await readAll(read.stream)).toEqual(PDF);
    expect(await db().auditLog.count({ where: { entityType: "Attachment", entityId: result.id, action: "attachment.upload" } })).toBe(1);
  });

  it("streams a file larger than one chunk in order, chunk by chunk", async () => {
    process.env.MAX_UPLOAD_BYTES = String(3 * CHUNK_BYTES);
    resetEnvCache();
    try {
      const big = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(Array.from({ length: 2 * CHUNK_BYTES + 1000 }, (_, i) => i % 251))]);
      const result = await storeEvidence(ctxOf(w.actors.cadre), { applicationId, file: file(big, "大图.png", "image/png"), permission: "application.edit" });
      expect(await db().storedFileChunk.count({ where: { key: result.id } })).toBe(3);
      const read = await readEvidence(applicationId, result.id);
      const parts: number[] = [];
      const reader = read.stream.getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(r.value.byteLength);
      expect(parts).toEqual([CHUNK_BYTES, CHUNK_BYTES, big.byteLength - 2 * CHUNK_BYTES]);
      expect(await readAll((await readEvidence(applicationId, result.id)).stream)).toEqual(big);
      await removeEvidence(ctxOf(w.actors.cadre), result.id);
    } finally {
      process.env.MAX_UPLOAD_BYTES = String(MAX);
      resetEnvCache();
    }
  });

  it("writes nothing to disk (UPLOAD_DIR is only read, to import files of older versions)", async () => {
    await storeEvidence(ctxOf(w.actors.cadre), { applicationId, file: file(PDF, "磁盘.pdf"), permission: "application.edit" });
    expect(fs.existsSync(dir)).toBe(false);
  });

  it("refuses a wrong type by content whatever the name and declared type say, and stores nothing", async () => {
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00"), Buffer.alloc(100)]);
    expect((await refused(() => storeEvidence(ctxOf(w.actors.cadre), { applicationId, file: file(exe, "证明.pdf"), permission: "application.edit" }))).code).toBe("application.fileType");
    const html = Buffer.from("<html><script>alert(1)</script></html>");
    expect((await refused(() => storeEvidence(ctxOf(w.actors.cadre), { applicationId, file: file(html, "照片.png", "image/png"), permission: "application.edit" }))).code).toBe("application.fileType");
  });

  it("refuses an oversize file and an active PDF, and stores nothing", async () => {
    const big = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(MAX)]);
    const tooLarge = await refused(() => storeEvidence(ctxOf(w.actors.cadre), { applicationId, file: file(big, "大图.png", "image/png"), permission: "application.edit" }));
    expect(tooLarge).toMatchObject({ code: "application.fileTooLarge", status: 413 });
    const active = Buffer.from("%PDF-1.4\n<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\n%%EOF");
    expect((await refused(() => storeEvidence(ctxOf(w.actors.cadre), { applicationId, file: file(active, "带脚本.pdf"), permission: "application.edit" }))).code).toBe("application.fileActive");
  });

  it("refuses someone without the right, and stores nothing", async () => {
    const error = await refused(() => storeEvidence(ctxOf(w.actors.otherCadre), { applicationId, file: file(PDF, "他人.pdf"), permission: "application.edit" }));
    expect(error).toBeInstanceOf(ForbiddenError);
    // The district reviewer may not add evidence to a draft (application.review needs the application in its stage).
    expect(await refused(() => storeEvidence(ctxOf(w.actors.district), { applicationId, file: file(PDF, "审核.pdf"), permission: "application.review" }))).toBeInstanceOf(ForbiddenError);
  });

  it("stores no file when the row cannot be stored (limit per application)", async () => {
    const { id } = await createDraft(ctxOf(w.actors.cadre), form());
    await fillWithPlaceholders(id, MAX_FILES_PER_APPLICATION);
    const before = (await stored()).length;
    await expect(storeEvidence(ctxOf(w.actors.cadre), { applicationId: id, file: file(PDF, "第31个.pdf"), permission: "application.edit" })).rejects.toMatchObject({ code: "application.tooManyFiles" });
    expect((await stored()).length).toBe(before);
  });

  it("holds the per-application limit under concurrent uploads: of five racing for the last place, exactly one is stored", async () => {
    const { id } = await createDraft(ctxOf(w.actors.cadre), form());
    await fillWithPlaceholders(id, MAX_FILES_PER_APPLICATION - 1);
    const before = (await stored()).length;
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => storeEvidence(ctxOf(w.actors.cadre), { applicationId: id, file: file(PDF, `并发${i}.pdf`), permission: "application.edit" })),
    );
    expect(results.filter((r) => r.status === "fulfilled").length).toBe(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "application.tooManyFiles" });
    expect(await db().attachment.count({ where: { applicationId: id } })).toBe(MAX_FILES_PER_APPLICATION);
    expect((await stored()).length).toBe(before + 1);
  });

  it("lets the uploader remove a file of the current round only while the application is editable", async () => {
    const { id } = await storeEvidence(ctxOf(w.actors.cadre), { applicationId, file: file(PDF, "删除.pdf"), permission: "application.edit" });
    expect(await stored()).toContain(id);
    await removeEvidence(ctxOf(w.actors.cadre), id);
    expect(await stored()).not.toContain(id);
    expect(await db().storedFileChunk.count({ where: { key: id } })).toBe(0);
    expect(await db().attachment.findUnique({ where: { id } })).toBeNull();

    const kept = await storeEvidence(ctxOf(w.actors.cadre), { applicationId, file: file(PDF, "保留.pdf"), permission: "application.edit" });
    await step(w.actors.cadre, applicationId, { type: "SUBMIT" }, { opinion: undefined });
    await expect(removeEvidence(ctxOf(w.actors.cadre), kept.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await contents(kept.id)).toEqual(PDF);
  });
});

/** Gives an application `count` attachment rows without files behind them (to reach the per-application limit quickly). */
async function fillWithPlaceholders(applicationId: number, count: number) {
  await db().attachment.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      id: crypto.randomUUID(),
      applicationId,
      uploadedById: w.users.cadre.id,
      fileName: `${i}.pdf`,
      mimeType: "application/pdf",
      sizeBytes: 1,
      sha256: "0".repeat(64),
      storageKey: "missing",
      round: 0,
    })),
  });
}
