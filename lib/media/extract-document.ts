import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type ChildLimits, runBoundedChild } from "./run-bounded-child";

export type DocumentContent = { text: string; pageCount?: number; firstPage?: Buffer };

/**
 * Limits of one document's extraction (its child process). Within them pages, text and XML are
 * capped by PDF_LIMITS and OFFICE_LIMITS; past them the child is killed.
 */
export const DOCUMENT_LIMITS: ChildLimits = { heapMb: 512, rssMb: 1024, timeMs: 120_000 };

const CHILD = path.join(import.meta.dirname, "extract-document-child.ts");

/**
 * Text (and for a PDF its page count and first page as PNG) of a PDF or DOCX/XLSX/PPTX, extracted
 * in a child process under DOCUMENT_LIMITS: pdf.js cannot be bounded from inside, and a document
 * that stalls or bloats its extraction costs that child, never the worker. Throws ChildLimitError
 * past a limit, Error when the document is unreadable.
 */
export async function extractDocument(filePath: string, mime: string): Promise<DocumentContent> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  const out = await runBoundedChild(["--import", tsx, CHILD, mime, filePath], DOCUMENT_LIMITS);
  const parsed = JSON.parse(out.toString("utf8")) as { text: string; pageCount?: number; firstPage?: string };
  return { text: parsed.text, pageCount: parsed.pageCount, firstPage: parsed.firstPage === undefined ? undefined : Buffer.from(parsed.firstPage, "base64") };
}
