import fs from "node:fs/promises";
import yauzl from "yauzl";

/**
 * What is read of one document: `xmlBytes` of its text parts in all (counted as they inflate, not
 * as the zip declares them: a 1.6 MB DOCX held forty 40 MB parts) and `chars` of text.
 */
export const OFFICE_LIMITS = { xmlBytes: 64 * 1024 * 1024, chars: 5_000_000 };

/** Which XML parts hold the text of each Office Open XML type, and the element carrying it. */
const FORMATS: Record<string, { parts: RegExp; element: RegExp }> = {
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { parts: /^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/, element: /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<\/w:p>/g },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { parts: /^xl\/(sharedStrings|worksheets\/sheet\d+)\.xml$/, element: /<t(?:\s[^>]*)?>([^<]*)<\/t>|<\/si>|<\/row>/g },
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": { parts: /^ppt\/(slides\/slide\d+|notesSlides\/notesSlide\d+)\.xml$/, element: /<a:t(?:\s[^>]*)?>([^<]*)<\/a:t>|<\/a:p>/g },
};

export function isOfficeMime(mime: string): boolean {
  return mime in FORMATS;
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'" };

/** Plain text of a DOCX/XLSX/PPTX (its XML parts, in order, within OFFICE_LIMITS), for search. */
export async function readOfficeText(filePath: string, mime: string): Promise<string> {
  const format = FORMATS[mime];
  if (!format) throw new Error(`not an Office Open XML type: ${mime}`);
  const bytes = await fs.readFile(filePath);
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, file) => (error || !file ? reject(error ?? new Error("not a zip")) : resolve(file))),
  );
  const parts: { name: string; xml: string }[] = [];
  let budget = OFFICE_LIMITS.xmlBytes;
  await new Promise<void>((resolve, reject) => {
    zip.on("error", reject);
    zip.on("end", resolve);
    zip.on("entry", (entry: yauzl.Entry) => {
      if (!format.parts.test(entry.fileName) || budget <= 0) return zip.readEntry();
      zip.openReadStream(entry, async (error, stream) => {
        if (error || !stream) return reject(error ?? new Error("unreadable part"));
        const chunks: Buffer[] = [];
        try {
          for await (const chunk of stream as AsyncIterable<Buffer>) {
            chunks.push(chunk.subarray(0, budget));
            budget -= chunk.length;
            if (budget <= 0) break; // ends the stream: the rest of the part is never inflated
          }
        } catch (streamError) {
          return reject(streamError as Error);
        }
        parts.push({ name: entry.fileName, xml: Buffer.concat(chunks).toString("utf8") });
        zip.readEntry();
      });
    });
    zip.readEntry();
  });
  parts.sort((a, b) => a.name.localeCompare(b.name, "en", { numeric: true }));
  return tidy(textOf(parts.map(({ xml }) => xml), format.element)).slice(0, OFFICE_LIMITS.chars);
}

/** The text elements of each part, parts on their own lines, stopped once past the character limit. */
function textOf(xmls: string[], element: RegExp): string {
  const done: string[] = [];
  const batch: string[] = [];
  let length = 0;
  for (const xml of xmls) {
    for (const match of xml.matchAll(element)) {
      const piece = match[1] === undefined ? "\n" : match[1].replace(/&(amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e]!);
      batch.push(piece);
      length += piece.length;
      if (length > OFFICE_LIMITS.chars) return [...done, ...batch].join("");
      // Joined in batches: millions of one-letter pieces would cost far more than their text.
      if (batch.length === 4096) done.push(batch.splice(0).join(""));
    }
    batch.push("\n");
  }
  done.push(batch.join(""));
  return done.join("").slice(0, -1);
}

/** Drops spaces and tabs at line ends and runs of blank lines, in one pass (no backtracking regex). */
function tidy(text: string): string {
  const lines = text.split("\n").map((line) => {
    let end = line.length;
    while (end > 0 && (line[end - 1] === " " || line[end - 1] === "\t")) end -= 1;
    return line.slice(0, end);
  });
  return lines.join("\n").replace(/\n{3,}/g, "\n\n").trim();
}
