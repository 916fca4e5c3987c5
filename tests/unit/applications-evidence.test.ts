/** Evidence uploads: PDF/JPEG/PNG by magic bytes only, size limit, no active PDFs, clean names. */
import { describe, expect, it } from "vitest";
import { checkEvidence, sanitizeFileName, sniffEvidenceType } from "@/lib/applications/evidence";
import { DomainError } from "@/lib/errors";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));
const PDF = bytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF");
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "rest");
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], "JFIF");
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof DomainError ? `${e.code}/${e.status}` : "other";
  }
};

describe("evidence type by content", () => {
  it("recognises PDF, PNG and JPEG signatures", () => {
    expect(sniffEvidenceType(PDF)?.mime).toBe("application/pdf");
    expect(sniffEvidenceType(PNG)?.mime).toBe("image/png");
    expect(sniffEvidenceType(JPEG)?.mime).toBe("image/jpeg");
  });
  it("refuses other content whatever its name says (an executable, HTML, a ZIP, a GIF, a truncated PNG)", () => {
    expect(codeOf(() => checkEvidence(bytes("MZ\x90\x00"), 1000))).toBe("application.fileType/415");
    expect(codeOf(() => checkEvidence(bytes("<html><script>alert(1)</script>"), 1000))).toBe("application.fileType/415");
    expect(codeOf(() => checkEvidence(bytes("PK\x03\x04"), 1000))).toBe("application.fileType/415");
    expect(codeOf(() => checkEvidence(bytes("GIF89a"), 1000))).toBe("application.fileType/415");
    expect(codeOf(() => checkEvidence(bytes([0x89, 0x50, 0x4e, 0x47]), 1000))).toBe("application.fileType/415");
  });
  it("refuses PDFs with scripts, launch actions or embedded files", () => {
    expect(codeOf(() => checkEvidence(bytes("%PDF-1.4\n<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>"), 1000))).toBe("application.fileActive/415");
    expect(codeOf(() => checkEvidence(bytes("%PDF-1.4\n<< /Launch /F (cmd.exe) >>"), 1000))).toBe("application.fileActive/415");
    expect(codeOf(() => checkEvidence(bytes("%PDF-1.4\n<< /Names << /EmbeddedFiles 3 0 R >> >>"), 1000))).toBe("application.fileActive/415");
  });
  it("enforces the size limit at the boundary and refuses empty files", () => {
    expect(checkEvidence(PNG, PNG.byteLength).mime).toBe("image/png");
    expect(codeOf(() => checkEvidence(PNG, PNG.byteLength - 1))).toBe("application.fileTooLarge/413");
    expect(codeOf(() => checkEvidence(new Uint8Array(), 1000))).toBe("application.fileEmpty/422");
  });
});

describe("file names", () => {
  const pdf = sniffEvidenceType(PDF)!;
  const jpg = sniffEvidenceType(JPEG)!;
  it("drops directories and reserved characters and keeps Chinese", () => {
    expect(sanitizeFileName("../../etc/解除劳动合同通知书.pdf", pdf)).toBe("解除劳动合同通知书.pdf");
    expect(sanitizeFileName("C:\\Users\\a\\证明<1>?.PDF", pdf)).toBe("证明1.pdf");
    expect(sanitizeFileName("a\u0000b\nc.pdf", pdf)).toBe("abc.pdf");
  });
  it("makes the extension match the detected type", () => {
    expect(sanitizeFileName("invoice.exe", pdf)).toBe("invoice.pdf");
    expect(sanitizeFileName("photo.jpeg", jpg)).toBe("photo.jpeg");
    expect(sanitizeFileName("photo", jpg)).toBe("photo.jpg");
    expect(sanitizeFileName("...", pdf)).toBe("evidence.pdf");
  });
  it("limits the length", () => {
    expect(sanitizeFileName(`${"长".repeat(300)}.pdf`, pdf)).toHaveLength(94);
  });
});
