import exifr from "exifr";

/** Metadata segments as exifr reads them (ifd0, exif, gps, iptc, XMP namespaces…). */
export type Segments = Record<string, Record<string, unknown> | undefined>;

/**
 * Bounds on the XMP handed to exifr's parser, whose cost grows faster than the XMP (200,000 nested
 * elements held it 83 s, a million keywords 3 s). Real XMP is a few KiB, an edited photo's history
 * a few hundred, and it nests about ten elements deep.
 */
export const XMP_LIMITS = { chars: 512 * 1024, depth: 32 };

const OPTIONS = {
  tiff: true,
  exif: true,
  gps: true,
  iptc: true,
  icc: false,
  ifd1: false,
  interop: false,
  makerNote: false,
  reviveValues: false,
  translateValues: false,
  mergeOutput: false,
};

/**
 * Reads EXIF, GPS, IPTC and XMP without decoding pixels. The XMP is read as text first and parsed
 * only within XMP_LIMITS and when well nested; otherwise it is left out (`xmpSkipped` says why).
 * The result is JSON-safe and bounded (jsonSafe). Throws when exifr cannot read the file at all.
 */
export async function readMetadataSegments(filePath: string): Promise<Segments> {
  const { xmp, ...segments } = ((await exifr.parse(filePath, { ...OPTIONS, xmp: { parse: false } } as never)) as Record<string, unknown> | undefined) ?? {};
  const text = typeof xmp === "string" ? xmp : xmp instanceof Uint8Array ? Buffer.from(xmp).toString("utf8") : null;
  const result = segments as Segments;
  if (text === null) return jsonSafe(result) as Segments;
  const problem = xmpProblem(text);
  if (problem) return jsonSafe({ ...result, xmpSkipped: { reason: problem, chars: text.length } }) as Segments;
  const parsed = ((await exifr.sidecar(Buffer.from(text), { ...OPTIONS, xmp: true } as never, "xmp")) as Segments | undefined) ?? {};
  // As exifr files parsed XMP: the tiff namespace into ifd0, exif into exif (where the EXIF's own
  // values win), the rest by namespace.
  for (const [namespace, values] of Object.entries(parsed)) {
    if (namespace === "xmlns" || !values) continue;
    const key = namespace === "tiff" ? "ifd0" : namespace;
    result[key] = { ...values, ...result[key] };
  }
  return jsonSafe(result) as Segments;
}

/** Why `xml` should not be parsed (too large, too deep, tags that do not match), or null. One pass. */
export function xmpProblem(xml: string): string | null {
  if (xml.length > XMP_LIMITS.chars) return `larger than ${XMP_LIMITS.chars} characters`;
  const open: string[] = [];
  for (let at = xml.indexOf("<"); at >= 0; at = xml.indexOf("<", at + 1)) {
    const end = xml.indexOf(">", at);
    if (end < 0) return "an unterminated tag";
    const tag = xml.slice(at + 1, end);
    at = end;
    if (tag.startsWith("?") || tag.startsWith("!") || tag.endsWith("/")) continue;
    const name = /^\/?([^\s/]*)/.exec(tag)![1]!;
    if (tag.startsWith("/")) {
      if (open.pop() !== name) return `a closing tag </${name.slice(0, 40)}> that does not match`;
    } else if (open.push(name) > XMP_LIMITS.depth) {
      return `nested deeper than ${XMP_LIMITS.depth} elements`;
    }
  }
  return null;
}

/** Makes exifr output storable as JSON: binary blobs become their length, huge strings, lists and objects are cut. */
function jsonSafe(value: unknown, depth = 0): unknown {
  if (depth > 8) return null;
  if (value instanceof Uint8Array || ArrayBuffer.isView(value)) return { binaryBytes: (value as Uint8Array).byteLength };
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") return value.length > 4096 ? `${value.slice(0, 4096)}…` : value.replace(/\u0000/g, "");
  if (Array.isArray(value)) return value.slice(0, 256).map((item) => jsonSafe(item, depth + 1));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).slice(0, 256).map(([k, v]) => [k, jsonSafe(v, depth + 1)]));
  }
  return value ?? null;
}
