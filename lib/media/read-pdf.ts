import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import { getDocument, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";

/** Text is read from the first `pages` pages, up to `chars` characters (a 12 KB PDF can declare a million pages). */
export const PDF_LIMITS = { pages: 2_000, chars: 5_000_000 };
const standardFontDataUrl = () => `${path.join(path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;

export type PdfContent = { pageCount: number; text: string; firstPage: Buffer };

/**
 * Opens a PDF with pdf.js (no eval, no network): declared page count, text (within PDF_LIMITS),
 * first page as PNG. pdf.js itself cannot be bounded: run it through extractDocument.
 */
export async function readPdf(filePath: string, renderLongSide = 1440): Promise<PdfContent> {
  const data = new Uint8Array(await fs.readFile(filePath));
  const doc = await getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, standardFontDataUrl: standardFontDataUrl(), verbosity: 0 }).promise;
  try {
    return { pageCount: doc.numPages, text: await extractText(doc), firstPage: await renderFirstPage(doc, renderLongSide) };
  } finally {
    await doc.destroy();
  }
}

async function extractText(doc: PDFDocumentProxy): Promise<string> {
  const pages: string[] = [];
  let total = 0;
  for (let n = 1; n <= Math.min(doc.numPages, PDF_LIMITS.pages) && total < PDF_LIMITS.chars; n += 1) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const text = content.items
      .map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : " ") : ""))
      .join("")
      .replace(/[ \t]+/g, " ")
      .trim();
    pages.push(text);
    total += text.length;
    page.cleanup();
  }
  return pages.join("\n\n").slice(0, PDF_LIMITS.chars);
}

async function renderFirstPage(doc: PDFDocumentProxy, longSide: number): Promise<Buffer> {
  const page = await doc.getPage(1);
  const base = page.getViewport({ scale: 1 });
  const scale = Math.min(4, longSide / Math.max(base.width, base.height));
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
  return canvas.toBuffer("image/png");
}
