import fs from "node:fs/promises";
import yauzl from "yauzl";

const MAX_TEXT_CHARS = 5_000_000;

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

/** Plain text of a DOCX/XLSX/PPTX (its XML parts, in order), for search. */
export async function readOfficeText(filePath: string, mime: string): Promise<string> {
  const format = FORMATS[mime];
  if (!format) throw new Error(`not an Office Open XML type: ${mime}`);
  const bytes = await fs.readFile(filePath);
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, file) => (error || !file ? reject(error ?? new Error("not a zip")) : resolve(file))),
  );
  const parts: { name: string; xml: string }[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on("error", reject);
    zip.on("end", resolve);
    zip.on("entry", (entry: yauzl.Entry) => {
      if (!format.parts.test(entry.fileName) || entry.uncompressedSize > 50 * 1024 * 1024) return zip.readEntry();
      zip.openReadStream(entry, async (error, stream) => {
        if (error || !stream) return reject(error ?? new Error("unreadable part"));
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        parts.push({ name: entry.fileName, xml: Buffer.concat(chunks).toString("utf8") });
        zip.readEntry();
      });
    });
    zip.readEntry();
  });
  parts.sort((a, b) => a.name.localeCompare(b.name, "en", { numeric: true }));
  const text = parts
    .map(({ xml }) => [...xml.matchAll(format.element)].map((m) => (m[1] === undefined ? "\n" : m[1].replace(/&(amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e]!))).join(""))
    .join("\n")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return text.slice(0, MAX_TEXT_CHARS);
}
