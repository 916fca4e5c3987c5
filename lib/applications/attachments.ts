/**
 * Evidence files of an application (申报表 attachments, and material a reviewer adds
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
import { assertPassivePdf, checkEvidence, sanitizeFileName } from "./evidence";
import { applicationResource, loadApplication, toApplicationResource } from "./resource";

/** At most this many files per application (enforced under a lock on the application row, see storeEvidence). */
export const MAX_FILES_PER_APPLICATION = 30;

/** Who may add evidence: the applicant while editing, or the reviewer of the current stage. */
export type EvidencePermission = Extract<Action, "application.edit" | "application.review">;

/**
 * Store one evidence file on an application.
 * @param file the uploaded file (its declared type and name are not trusted)
 * @returns the attachment id and its cleaned name
 * @throws ForbiddenError (gate); DomainError application.fileEmpty | application.fileTooLarge (413) | application.fileType (415) |
 *   application.fileActive (415) | application.fileUnchecked (415) | application.tooManyFiles
 */
export async function storeEvidence(ctx: RequestContext, input: { applicationId: number; file: File; permission: EvidencePermission }) {
  const actor = ctx.actor;
  if (!actor) throw new UnauthenticatedError();
  authorize(actor, input.permission, await applicationResource(input.applicationId));
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const type = checkEvidence(bytes, env().MAX_UPLOAD_BYTES);
  if (type.mime === "application/pdf") await assertPassivePdf(bytes);
  const fileName = sanitizeFileName(input.file.name, type);
  const sha256 = createHash("sha256").update(bytes).digest("hex");

  const id = randomUUID();
  return mutate(ctx, async (tx, record) => {
      const app = await loadApplication(tx, input.applicationId);
      authorize(actor, input.permission, toApplicationResource(app));
      // Lock the application row before counting: concurrent uploads to one application queue here, so each
      // counts the files the others committed and the limit holds (no check-then-insert race).
      await tx.$queryRaw`SELECT id FROM "Application" WHERE id = ${app.id} FOR UPDATE`;
      if ((await tx.attachment.count({ where: { applicationId: app.id } })) >= MAX_FILES_PER_APPLICATION) {
        throw new DomainError("application.tooManyFiles", { max: MAX_FILES_PER_APPLICATION });
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
    await fileStore().remove(tx, row.storageKey);
    record({ action: "attachment.remove", entityType: "Attachment", entityId: row.id, before: row });
    return row;
  });
  return { id: result.id, applicationId: result.applicationId };
}

/** The application an attachment belongs to. @throws NotFoundError */
export async function attachmentApplicationId(attachmentId: string): Promise<number> {
  const row = await db().attachment.findUnique({ where: { id: attachmentId }, select: { applicationId: true } });
  if (!row) throw new NotFoundError();
  return row.applicationId;
}

/**
 * Open an attachment of application `applicationId` for download (the caller has checked application.view).
 * @returns the row and a stream of its contents (read chunk by chunk from the file store)
 * @throws NotFoundError when it is not on that application or its contents are gone
 */
export async function readEvidence(applicationId: number, attachmentId: string) {
  const row = await db().attachment.findFirst({ where: { id: attachmentId, applicationId: applicationId } });
  if (!row) throw new NotFoundError();
  const file = await fileStore().open(row.storageKey);
  if (!file) throw new NotFoundError();
  return { row, stream: file.stream, sizeBytes: file.info.sizeBytes };
}
