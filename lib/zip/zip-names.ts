const MAX_NAME_BYTES = 200;

/**
 * Names safe to extract anywhere and unique within one archive: no directories (`/`, `\`), no
 * `..`, no control characters or reserved Windows characters, Unicode kept (NFC); a repeated name
 * becomes `name (2).ext`, compared case-insensitively (macOS and Windows folders are).
 */
export function safeZipNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((raw) => {
    const { stem, ext } = splitName(clean(raw));
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? `${stem}${ext}` : `${stem} (${n})${ext}`;
      const key = candidate.toLocaleLowerCase("en");
      if (!taken.has(key)) {
        taken.add(key);
        return candidate;
      }
    }
  });
}

function clean(raw: string): string {
  const base = raw.normalize("NFC").split(/[/\\]/).pop() ?? "";
  const printable = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "_").replace(/^[.\s]+|[.\s]+$/g, "");
  return truncateUtf8(printable || "file", MAX_NAME_BYTES);
}

function splitName(name: string): { stem: string; ext: string } {
  const dot = name.lastIndexOf(".");
  return dot > 0 && name.length - dot <= 10 ? { stem: name.slice(0, dot), ext: name.slice(dot) } : { stem: name, ext: "" };
}

function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  const { stem, ext } = splitName(text);
  let out = "";
  for (const ch of stem) {
    if (Buffer.byteLength(out + ch + ext) > maxBytes) break;
    out += ch;
  }
  return out + ext;
}
