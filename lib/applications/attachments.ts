/**
 * Evidence files of an application (申报表 attachments, and material a reviewer adds
 * while verifying, art. 18.2). Files live outside the web root under
 * env().UPLOAD_DIR/<uuid>; only the gate-guarded download route reads them.
 * A refused upload stores nothing: the checks run before the file is written,
 * and the file is removed again when the database row cannot be written.
 */
import { randomUUID, createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { authorize, type Action } from "@/lib/authz";
import { mutate, type RequestContext } from "@/lib/audit/writer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { checkEvidence, sanitizeFileName } from "./evidence";
import { applicationResource, loadApplication, toApplicationResource } from "./resource";

/** At most this many files per application (enforced under a lock on the application row, see storeEvidence). */
export const MAX_FILES_PER_APPLICATION = 30;

/** Who may add evidence: the applicant while editing, or the reviewer of the current stage. */
export type EvidencePermission = Extract<Action, "application.edit" | "application.review">;

function filePath(storageKey: string): string {
  if (!/^[0-9a-f-]{36}$/.test(storageKey)) throw new NotFoundError();
  return path.join(env().UPLOAD_DIR, storageKey);
}

/**
 * Store one evidence file on an application.
 * @param file the uploaded file (its declared type and name are not trusted)
 * @returns the attachment id and its cleaned name
 * @throws ForbiddenError (gate); DomainError application.fileEmpty | application.fileTooLarge (413) | application.fileType (415) |
 *   application.fileActive (415) | application.tooManyFiles
 */
export async function storeEvidence(ctx: RequestContext, input: { applicationId: number; file: File; permission: EvidencePermission }) {
  const actor = ctx.actor;
  if (!actor) throw new UnauthenticatedError();
  authorize(actor, input.permission, await applicationResource(input.applicationId));
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const type = checkEvidence(bytes, env().MAX_UPLOAD_BYTES);
  const fileName = sanitizeFileName(input.file.name, type);
  const sha256 = createHash("sha256").update(bytes).digest("hex");

  const id = randomUUID();
  const target = filePath(id);
  // Only the upload folder itself is private (0700): a recursive mkdir would give its missing
  // parents 0700 too, and the default parent .data/ must stay reachable by the embedded
  // PostgreSQL's own user (.data/pg).
  await fs.mkdir(path.dirname(path.dirname(target)), { recursive: true });
  await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  await fs.writeFile(target, bytes, { flag: "wx", mode: 0o600 });
  try {
    return await mutate(ctx, async (tx, record) => {
      const app = await loadApplication(tx, input.applicationId);
      authorize(actor, input.permission, toApplicationResource(app));
      // Lock the application row before counting: concurrent uploads to one application queue here, so each
      // counts the files the others committed and the limit holds (no check-then-insert race).
      await tx.$queryRaw`SELECT id FROM "Application" WHERE id = ${app.id} FOR UPDATE`;
      if ((await tx.attachment.count({ where: { applicationId: app.id } })) >= MAX_FILES_PER_APPLICATION) {
        throw new DomainError("application.tooManyFiles", { max: MAX_FILES_PER_APPLICATION });
      }
      const row = await tx.attachment.create({
        data: { id, applicationId: app.id, uploadedById: actor.id, fileName, mimeType: type.mime, sizeBytes: bytes.byteLength, sha256, storageKey: id, round: app.returnRound },
      });
      record({ action: "attachment.upload", entityType: "Attachment", entityId: id, after: row });
      return { id, fileName };
    });
  } catch (error) {
    await fs.rm(target, { force: true });
    throw error;
  }
}

/**
 * Remove an evidence file the actor uploaded, while the application is still editable
 * by them and the file belongs to the current round.
 * @throws ForbiddenError; NotFoundError; DomainError application.fileLocked
 */
export async function removeEvidence(ctx: RequestContext, attachmentId: string) {
  const actor = ctx.actor;
  if (!actor) throw new UnauthenticatedError();
  const result = await mutate(ctx, async (tx, record) => {
    const row = await tx.attachment.findUnique({ where: { id: attachmentId } });
    if (!row) throw new NotFoundError();
    const app = await loadApplication(tx, row.applicationId);
    authorize(actor, "application.edit", toApplicationResource(app));
    if (row.uploadedById !== actor.id || row.round !== app.returnRound) throw new DomainError("application.fileLocked");
    await tx.attachment.delete({ where: { id: row.id } });
    record({ action: "attachment.remove", entityType: "Attachment", entityId: row.id, before: row });
    return row;
  });
  await fs.rm(filePath(result.storageKey), { force: true });
  return { id: result.id, applicationId: result.applicationId };
}

/** The application an attachment belongs to. @throws NotFoundError */
export async function attachmentApplicationId(attachmentId: string): Promise<number> {
  const row = await db().attachment.findUnique({ where: { id: attachmentId }, select: { applicationId: true } });
  if (!row) throw new NotFoundError();
  return row.applicationId;
}

/**
 * Read an attachment of application `applicationId` (the caller has checked application.view).
 * @throws NotFoundError when it is not on that application or its file is gone
 */
export async function readEvidence(applicationId: number, attachmentId: string) {
  const row = await db().attachment.findFirst({ where: { id: attachmentId, applicationId: applicationId } });
  if (!row) throw new NotFoundError();
  try {
    return { row, bytes: await fs.readFile(filePath(row.storageKey)) };
  } catch {
    throw new NotFoundError();
  }
}
