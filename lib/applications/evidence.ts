/**
 * Evidence uploads (申报表 attachments), pure: which files are accepted and
 * how their names are cleaned. Only PDF, JPEG and PNG are accepted, decided
 * by the file's MAGIC BYTES — never by the declared type or the extension —
 * and PDFs carrying active content (scripts, launch actions, embedded files)
 * are refused, so only passive document types are stored: first by a quick
 * scan of the raw bytes (checkEvidence), then by parsing the PDF with pdf-lib
 * (assertPassivePdf), which decodes name escapes (`/J#61vaScript`) and the
 * compressed object streams a byte scan cannot see into (issue 10.16).
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream, ParseSpeeds, type PDFObject } from "pdf-lib";
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

/** Active-content names, compared after decoding `#xx` escapes (PDF 32000-1 §7.3.5). */
const ACTIVE_NAMES = new Set(["JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "XFA", "ImportData", "SubmitForm", "GoToE", "FileAttachment", "Sound", "Movie"]);

/** A name's value with every `#xx` escape decoded (pdf-lib decodes only upper-case hex). */
function decodedName(name: PDFName): string {
  return name.decodeText().replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Does `object` (a dictionary, array, stream or name, walked without following references) name active content? */
function namesActiveContent(object: PDFObject | undefined, depth = 0): boolean {
  if (!object || depth > 64) return false;
  if (object instanceof PDFName) return ACTIVE_NAMES.has(decodedName(object));
  if (object instanceof PDFStream) return namesActiveContent(object.dict, depth + 1);
  if (object instanceof PDFArray) return object.asArray().some((item) => namesActiveContent(item, depth + 1));
  if (object instanceof PDFDict) {
    for (const [key, value] of object.entries()) {
      if (ACTIVE_NAMES.has(decodedName(key)) || namesActiveContent(value, depth + 1)) return true;
    }
  }
  return false;
}

/**
 * What a parsed PDF contains: "active" when any object — also inside compressed
 * object streams, also behind name escapes — names active content; "unreadable"
 * when it cannot be parsed or is encrypted (its objects cannot be checked).
 */
export async function inspectPdf(bytes: Uint8Array): Promise<"passive" | "active" | "unreadable"> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, throwOnInvalidObject: false, updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  } catch {
    return "unreadable";
  }
  if (doc.isEncrypted) return "unreadable";
  const context = doc.context;
  for (const [, object] of context.enumerateIndirectObjects()) {
    if (namesActiveContent(object)) return "active";
  }
  const trailer = context.trailerInfo;
  for (const ref of [trailer.Root, trailer.Info]) {
    if (ref && namesActiveContent(ref instanceof PDFDict ? ref : undefined)) return "active";
  }
  return "passive";
}

/**
 * Refuse a PDF with active content or one that cannot be checked.
 * @throws DomainError application.fileActive (415), application.fileUnchecked (415)
 */
export async function assertPassivePdf(bytes: Uint8Array): Promise<void> {
  const verdict = await inspectPdf(bytes);
  if (verdict === "active") throw new DomainError("application.fileActive", {}, 415);
  if (verdict === "unreadable") throw new DomainError("application.fileUnchecked", {}, 415);
}

/**
 * Accept an evidence file or refuse it with the reason (a PDF is then also
 * parsed: assertPassivePdf).
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
