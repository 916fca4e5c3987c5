/**
 * PDF active content found by parsing (pdf-lib), not by a byte scan (issue 10.16):
 * name escapes (`/J#61vaScript`) and compressed object streams.
 */
import { PDFDocument, PDFName, PDFString } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { assertPassivePdf, checkEvidence, inspectPdf, pdfHasActiveContent } from "@/lib/applications/evidence";
import { refusal } from "../helpers/errors";

const raw = (text: string) => new Uint8Array(Buffer.from(text, "latin1"));
const withBody = (objects: string, trailer = "<< /Root 1 0 R >>") => raw(`%PDF-1.4\n${objects}\ntrailer ${trailer}\n%%EOF\n`);

async function pdfWithOpenAction(action: Record<string, string> | null, options: { objectStreams: boolean }) {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  if (action) {
    const dict = doc.context.obj(Object.fromEntries(Object.entries(action).map(([k, v]) => [k, k === "JS" ? PDFString.of(v) : PDFName.of(v)])));
    doc.catalog.set(PDFName.of("OpenAction"), doc.context.register(dict));
  }
  return doc.save({ useObjectStreams: options.objectStreams });
}

describe("PDF active content by parsing", () => {
  it("finds JavaScript written with name escapes, which the byte scan misses", async () => {
    for (const name of ["J#61vaScript", "#4aavaScript", "#4A#61#76#61#53#63#72#69#70#74"]) {
      const bytes = withBody(`1 0 obj << /Type /Catalog /OpenAction 2 0 R >> endobj\n2 0 obj << /S /${name} /J#53 (app.alert(1)) >> endobj`);
      expect(pdfHasActiveContent(bytes)).toBe(false); // the old check alone let it through
      expect(checkEvidence(bytes, 10_000).mime).toBe("application/pdf");
      expect(await inspectPdf(bytes)).toBe("active");
      expect((await refusal(assertPassivePdf(bytes))).code).toBe("application.fileActive");
    }
  });

  it("finds JavaScript inside a compressed object stream", async () => {
    const bytes = await pdfWithOpenAction({ S: "JavaScript", JS: "app.alert(1)" }, { objectStreams: true });
    expect(Buffer.from(bytes).toString("latin1")).not.toContain("JavaScript");
    expect(pdfHasActiveContent(bytes)).toBe(false);
    expect(await inspectPdf(bytes)).toBe("active");
  });

  it("finds launch actions and embedded files, and passes a plain document", async () => {
    expect(await inspectPdf(await pdfWithOpenAction({ S: "Launch", F: "cmd" }, { objectStreams: true }))).toBe("active");
    expect(await inspectPdf(withBody("1 0 obj << /Type /Catalog /Names << /#45mbeddedFiles 3 0 R >> >> endobj"))).toBe("active");
    expect(await inspectPdf(await pdfWithOpenAction({ S: "GoTo" }, { objectStreams: true }))).toBe("passive");
    expect(await inspectPdf(await pdfWithOpenAction(null, { objectStreams: false }))).toBe("passive");
    expect(await inspectPdf(withBody("1 0 obj << /Type /Catalog >> endobj"))).toBe("passive");
  });

  it("refuses a PDF it cannot check (encrypted)", async () => {
    const encrypted = withBody("1 0 obj << /Type /Catalog >> endobj\n3 0 obj << /Filter /Standard /V 2 >> endobj", "<< /Root 1 0 R /Encrypt 3 0 R >>");
    expect(await inspectPdf(encrypted)).toBe("unreadable");
    expect((await refusal(assertPassivePdf(encrypted))).code).toBe("application.fileUnchecked");
  });
});
