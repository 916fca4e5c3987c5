/**
 * Evidence files of a case (申报表 attachments, and material a reviewer adds
 * while verifying, art. 18.2). Contents live in the file store (lib/storage:
 * PostgreSQL by default), never under the web root; only the gate-guarded
 * download route reads them. A refused upload stores nothing: the checks run
 * first, and the contents are written in the same transaction as the row.
 */
import { randomUUID, createHash } from "node:crypto";
import { authorize, type Action } from "@/lib/authz";
import { mutate, type RequestContext } from "@/lib/audit/writer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { fileStore } from "@/lib/storage";
import { checkEvidence, sanitizeFileName } from "./evidence";
import { caseResource, loadCase, toCaseResource } from "./resource";

/** At most this many files per case (enforced under a lock on the case row, see storeEvidence). */
export const MAX_FILES_PER_CASE = 30;

/** Who may add evidence: the applicant while editing, or the reviewer of the current stage. */
export type EvidencePermission = Extract<Action, "case.edit" | "case.review">;

/**
 * Store one evidence file on a case.
 * @param file the uploaded file (its declared type and name are not trusted)
 * @returns the attachment id and its cleaned name
 * @throws ForbiddenError (gate); DomainError case.fileEmpty | case.fileTooLarge (413) | case.fileType (415) |
 *   case.fileActive (415) | case.tooManyFiles
 */
export async function storeEvidence(ctx: RequestContext, input: { caseId: number; file: File; permission: EvidencePermission }) {
  const actor = ctx.actor;
  if (!actor) throw new UnauthenticatedError();
  authorize(actor, input.permission, await caseResource(input.caseId));
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const type = checkEvidence(bytes, env().MAX_UPLOAD_BYTES);
  const fileName = sanitizeFileName(input.file.name, type);
  const sha256 = createHash("sha256").update(bytes).digest("hex");

  const id = randomUUID();
  return mutate(ctx, async (tx, record) => {
      const app = await loadCase(tx, input.caseId);
      authorize(actor, input.permission, toCaseResource(app));
      // Lock the case row before counting: concurrent uploads to one case queue here, so each
      // counts the files the others committed and the limit holds (no check-then-insert race).
      await tx.$queryRaw`SELECT id FROM "Application" WHERE id = ${app.id} FOR UPDATE`;
      if ((await tx.attachment.count({ where: { applicationId: app.id } })) >= MAX_FILES_PER_CASE) {
        throw new DomainError("case.tooManyFiles", { max: MAX_FILES_PER_CASE });
      }
      await fileStore().put(tx, id, bytes);
      const row = await tx.attachment.create({
        data: { id, applicationId: app.id, uploadedById: actor.id, fileName, mimeType: type.mime, sizeBytes: bytes.byteLength, sha256, storageKey: id, round: app.returnRound },
      });
      record({ action: "attachment.upload", entityType: "Attachment", entityId: id, after: row });
      return { id, fileName };
  });
}

/**
 * Remove an evidence file the actor uploaded, while the case is still editable
 * by them and the file belongs to the current round.
 * @throws ForbiddenError; NotFoundError; DomainError case.fileLocked
 */
export async function removeEvidence(ctx: RequestContext, attachmentId: string) {
  const actor = ctx.actor;
  if (!actor) throw new UnauthenticatedError();
  const result = await mutate(ctx, async (tx, record) => {
    const row = await tx.attachment.findUnique({ where: { id: attachmentId } });
    if (!row) throw new NotFoundError();
    const app = await loadCase(tx, row.applicationId);
    authorize(actor, "case.edit", toCaseResource(app));
    if (row.uploadedById !== actor.id || row.round !== app.returnRound) throw new DomainError("case.fileLocked");
    await tx.attachment.delete({ where: { id: row.id } });
    await fileStore().remove(tx, row.storageKey);
    record({ action: "attachment.remove", entityType: "Attachment", entityId: row.id, before: row });
    return row;
  });
  return { id: result.id, applicationId: result.applicationId };
}

/** The case an attachment belongs to. @throws NotFoundError */
export async function attachmentCaseId(attachmentId: string): Promise<number> {
  const row = await db().attachment.findUnique({ where: { id: attachmentId }, select: { applicationId: true } });
  if (!row) throw new NotFoundError();
  return row.applicationId;
}

/**
 * Open an attachment of case `caseId` for download (the caller has checked case.view).
 * @returns the row and a stream of its contents (read chunk by chunk from the file store)
 * @throws NotFoundError when it is not on that case or its contents are gone
 */
export async function readEvidence(caseId: number, attachmentId: string) {
  const row = await db().attachment.findFirst({ where: { id: attachmentId, applicationId: caseId } });
  if (!row) throw new NotFoundError();
  const file = await fileStore().open(row.storageKey);
  if (!file) throw new NotFoundError();
  return { row, stream: file.stream, sizeBytes: file.info.sizeBytes };
}
