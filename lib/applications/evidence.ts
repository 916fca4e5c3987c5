/**
 * Evidence uploads (申报表 attachments), pure: which files are accepted and
 * how their names are cleaned. Only PDF, JPEG and PNG are accepted, decided
 * by the file's MAGIC BYTES — never by the declared type or the extension —
 * and PDFs carrying active content (scripts, launch actions, embedded files)
 * are refused, so only passive document types are stored.
 */
import { DomainError } from "@/lib/errors";

export type EvidenceType = { mime: "application/pdf" | "image/jpeg" | "image/png"; extension: ".pdf" | ".jpg" | ".png" };

const PDF: EvidenceType = { mime: "application/pdf", extension: ".pdf" };
const JPEG: EvidenceType = { mime: "image/jpeg", extension: ".jpg" };
const PNG: EvidenceType = { mime: "image/png", extension: ".png" };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** The evidence type of `bytes` by magic number, or null when it is none of PDF/JPEG/PNG. */
export function sniffEvidenceType(bytes: Uint8Array): EvidenceType | null {
  if (startsWith(bytes, PDF_SIGNATURE)) return PDF;
  if (startsWith(bytes, PNG_SIGNATURE)) return PNG;
  if (startsWith(bytes, JPEG_SIGNATURE)) return JPEG;
  return null;
}

/** PDF name objects that make a document active (scripts, launching programs, embedded files, rich media). */
const ACTIVE_PDF_NAMES = /\/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA)\b/;

/** Does a PDF declare active content? (A heuristic over the raw bytes.) */
export function pdfHasActiveContent(bytes: Uint8Array): boolean {
  return ACTIVE_PDF_NAMES.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"));
}

/**
 * Accept an evidence file or refuse it with the reason.
 * @param maxBytes env().MAX_UPLOAD_BYTES
 * @returns the detected type
 * @throws DomainError application.fileEmpty (422), application.fileTooLarge {maxMb} (413),
 *   application.fileType (415: not PDF/JPEG/PNG by content), application.fileActive (415: PDF with active content)
 */
export function checkEvidence(bytes: Uint8Array, maxBytes: number): EvidenceType {
  if (bytes.byteLength === 0) throw new DomainError("application.fileEmpty");
  if (bytes.byteLength > maxBytes) throw new DomainError("application.fileTooLarge", { maxMb: Math.floor((maxBytes / 1024 / 1024) * 10) / 10 }, 413);
  const type = sniffEvidenceType(bytes);
  if (!type) throw new DomainError("application.fileType", {}, 415);
  if (type === PDF && pdfHasActiveContent(bytes)) throw new DomainError("application.fileActive", {}, 415);
  return type;
}

/**
 * A safe display name: no directories, control or reserved characters, at most
 * 100 characters, ending in the extension of the detected type.
 */
export function sanitizeFileName(name: string, type: EvidenceType): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  let clean = base
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "")
    .replace(/\s+/g, " ")
    .replace(/^[.\s]+|[.\s]+$/g, "");
  const dot = clean.lastIndexOf(".");
  let stem = dot > 0 ? clean.slice(0, dot) : clean;
  const ext = dot > 0 ? clean.slice(dot).toLowerCase() : "";
  const fits = ext === type.extension || (type.extension === ".jpg" && ext === ".jpeg");
  stem = stem.trim().slice(0, 90) || "evidence";
  clean = `${stem}${fits ? ext : type.extension}`;
  return clean;
}
