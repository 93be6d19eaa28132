// Child process of lib/media/extract-document.ts: extracts one document (argv: mime, path) and
// writes { pageCount, text, firstPage (base64 PNG) } as JSON to stdout.
import { isOfficeMime, readOfficeText } from "./read-office";

const [mime, file] = process.argv.slice(2) as [string, string];
if (isOfficeMime(mime)) {
  process.stdout.write(JSON.stringify({ text: await readOfficeText(file, mime) }));
} else {
  const { readPdf } = await import("./read-pdf");
  const pdf = await readPdf(file);
  process.stdout.write(JSON.stringify({ pageCount: pdf.pageCount, text: pdf.text, firstPage: pdf.firstPage.toString("base64") }));
}
