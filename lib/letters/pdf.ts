import "server-only";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { type LetterFont, letterFont, scriptRuns } from "@/lib/letters/fonts";

/** Everything a letter prints, already filled in and in its language. */
export interface LetterContent {
  locale: "fr" | "en";
  title: string;
  letterhead: string[];
  placeAndDate: string;
  paragraphs: string[];
  signatoryName: string;
  signatoryTitle: string;
  /** PNG or JPEG bytes of the signature, if the university has one on file. */
  signatureImage?: Buffer | null;
  verification: { code: string; url: string; caption: string };
}

const margin = 64;

/**
 * Renders a letter as an A4 PDF with PDFKit: fonts embedded and subset, text extractable,
 * title and language set, and tagged (paragraphs and headings in the structure tree) so
 * that a screen reader reads it in order.
 */
/** The QR code as filled squares: sharp at any zoom, and no image to encode (QRCode's matrix). */
function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const quiet = 2;
  const cell = size / (modules.size + 2 * quiet);
  for (let row = 0; row < modules.size; row++)
    for (let column = 0; column < modules.size; column++)
      if (modules.get(row, column)) doc.rect(x + (column + quiet) * cell, y + (row + quiet) * cell, cell, cell);
  doc.fill("black");
}

export async function renderLetterPdf(content: LetterContent): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin,
    pdfVersion: "1.7",
    tagged: true,
    lang: content.locale,
    displayTitle: true,
    // PDFKit takes a parsed fontkit font as well as bytes (its types list only the latter).
    font: letterFont("latin") as unknown as string,
    info: { Title: content.title, Author: "Aix-Marseille Université", Subject: content.title },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  for (const font of ["latin", "latinBold", "chinese", "arabic"] as const) {
    // Registering is cheap; a font is parsed and embedded only when a run uses it.
    doc.registerFont(font, letterFont(font) as unknown as Uint8Array);
  }
  const width = doc.page.width - 2 * margin;
  const paragraph = (tag: "P" | "H1", text: string, options: { size: number; bold?: boolean; gap: number }) => {
    doc.addStructure(
      doc.struct(tag, {}, () => {
        const runs = scriptRuns(text, options.bold ? "latinBold" : "latin");
        doc.fontSize(options.size);
        runs.forEach((run, index) => {
          doc.font(run.font satisfies LetterFont).text(run.text, { width, continued: index < runs.length - 1 });
        });
      }),
    );
    doc.moveDown(options.gap);
  };

  for (const line of content.letterhead) paragraph("P", line, { size: 10, gap: 0 });
  doc.moveDown(2);
  paragraph("P", content.placeAndDate, { size: 11, gap: 1.5 });
  paragraph("H1", content.title, { size: 16, bold: true, gap: 1 });
  for (const text of content.paragraphs) paragraph("P", text, { size: 11, gap: 0.8 });
  doc.moveDown(1.5);
  if (content.signatureImage) {
    doc.addStructure(
      doc.struct("Figure", { alt: content.signatoryName }, () => {
        doc.image(content.signatureImage!, { fit: [160, 60] });
      }),
    );
  }
  paragraph("P", content.signatoryName, { size: 11, bold: true, gap: 0 });
  paragraph("P", content.signatoryTitle, { size: 11, gap: 0 });

  // The verification block sits at the foot of the first page: the code, its URL and a QR of it.
  const footY = doc.page.height - margin - 90;
  doc.addStructure(
    doc.struct("Figure", { alt: content.verification.url }, () => {
      drawQrCode(doc, content.verification.url, margin, footY, 80);
    }),
  );
  doc.addStructure(
    doc.struct("P", {}, () => {
      doc
        .font("latin")
        .fontSize(9)
        .text(`${content.verification.caption} ${content.verification.code}`, margin + 96, footY + 10, {
          width: width - 96,
        })
        .text(content.verification.url, { width: width - 96 });
    }),
  );
  doc.end();
  return finished;
}
