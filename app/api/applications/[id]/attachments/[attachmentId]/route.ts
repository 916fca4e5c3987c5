/**
 * Download of an evidence file, behind the gate (application.view on its application). Files
 * live in the file store (lib/storage, PostgreSQL) and are streamed chunk by
 * chunk; always sent as attachments with nosniff, never rendered inline.
 */
import { z } from "zod";
import { readEvidence } from "@/lib/applications/attachments";
import { applicationResource } from "@/lib/applications/resource";
import { NotFoundError } from "@/lib/errors";
import { defineRoute } from "@/lib/server/action";
import { zId } from "@/lib/validation";

const params = z.object({ id: zId, attachmentId: z.uuid() });

function parse(raw: unknown) {
  const parsed = params.safeParse(raw);
  if (!parsed.success) throw new NotFoundError();
  return parsed.data;
}

export const GET = defineRoute<{ id: string; attachmentId: string }>({
  permission: "application.view",
  resource: ({ params: raw }) => applicationResource(parse(raw).id),
  run: async ({ params: raw }) => {
    const { id, attachmentId } = parse(raw);
    const { row, stream, sizeBytes } = await readEvidence(id, attachmentId);
    const ascii = row.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
    return new Response(stream, {
      headers: {
        "content-type": row.mimeType,
        "content-length": String(sizeBytes),
        "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  },
});
