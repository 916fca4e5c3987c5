/**
 * Evidence files written by versions before the database file store
 * (UPLOAD_DIR/<uuid> on disk): imported into StoredFile/StoredFileChunk at
 * start, each checked against the sha256 its Attachment row recorded. The
 * files on disk are left in place (remove UPLOAD_DIR after a backup); a file
 * that is missing or does not match is reported, never imported.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { CHUNK_BYTES } from "@/lib/storage";
import { withClient } from "./postgres";

export type ImportReport = { imported: number; missing: string[]; mismatched: string[] };

/** Import every attachment whose contents are only on disk (as the application role). */
export async function importLegacyUploads(appUrl: string, uploadDir: string): Promise<ImportReport> {
  const report: ImportReport = { imported: 0, missing: [], mismatched: [] };
  if (!fs.existsSync(uploadDir)) return report;
  await withClient(appUrl, async (c) => {
    const { rows } = await c.query<{ key: string; sha256: string }>(
      `SELECT a."storageKey" AS key, a.sha256 FROM "Attachment" a
       WHERE a."storageKey" ~ '^[0-9a-f-]{36}$' AND NOT EXISTS (SELECT 1 FROM "StoredFile" f WHERE f.key::text = a."storageKey")`,
    );
    for (const row of rows) {
      const file = path.join(uploadDir, row.key);
      if (!fs.existsSync(file)) {
        report.missing.push(row.key);
        continue;
      }
      const bytes = fs.readFileSync(file);
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      if (sha256 !== row.sha256) {
        report.mismatched.push(row.key);
        continue;
      }
      await c.query("BEGIN");
      await c.query(`INSERT INTO "StoredFile" (key, "sizeBytes", sha256) VALUES ($1, $2, $3)`, [row.key, bytes.byteLength, sha256]);
      const chunks = Math.max(1, Math.ceil(bytes.byteLength / CHUNK_BYTES));
      for (let seq = 0; seq < chunks; seq++) {
        await c.query(`INSERT INTO "StoredFileChunk" (key, seq, data) VALUES ($1, $2, $3)`, [row.key, seq, bytes.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES)]);
      }
      await c.query("COMMIT");
      report.imported++;
    }
  });
  return report;
}
