/** A block of Markdown, as far as a preview shows it. */
export type MdBlock =
  | { type: "heading"; level: number; text: string }
  | { type: "paragraph"; text: string }
  | { type: "list"; ordered: boolean; items: string[] }
  | { type: "quote"; text: string }
  | { type: "code"; text: string }
  | { type: "rule" };

/** An inline run: plain, `code`, **strong**, *emphasis*, or a link (http/https/mailto only). */
export type MdInline = { type: "text" | "code" | "strong" | "em"; text: string } | { type: "link"; text: string; href: string };

/**
 * The blocks of a Markdown text (CommonMark's common subset: ATX headings, paragraphs, lists,
 * quotes, fenced code, rules). Raw HTML is not interpreted: it stays text, shown escaped.
 */
export function parseMarkdown(source: string): MdBlock[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: MdBlock[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ type: "paragraph", text: paragraph.join(" ") });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^\s*(```|~~~)/.exec(line);
    if (fence) {
      flush();
      const code: string[] = [];
      for (i += 1; i < lines.length && !lines[i]!.trimStart().startsWith(fence[1]!); i++) code.push(lines[i]!);
      blocks.push({ type: "code", text: code.join("\n") });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    const item = /^\s*([-*+]|\d{1,9}[.)])\s+(.*)$/.exec(line);
    if (!line.trim()) flush();
    else if (heading) {
      flush();
      blocks.push({ type: "heading", level: heading[1]!.length, text: heading[2]! });
    } else if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flush();
      blocks.push({ type: "rule" });
    } else if (item) {
      flush();
      const ordered = /\d/.test(item[1]!);
      const last = blocks.at(-1);
      if (last?.type === "list" && last.ordered === ordered) last.items.push(item[2]!);
      else blocks.push({ type: "list", ordered, items: [item[2]!] });
    } else if (line.startsWith(">")) {
      flush();
      const last = blocks.at(-1);
      const text = line.replace(/^>\s?/, "");
      if (last?.type === "quote") last.text += ` ${text}`;
      else blocks.push({ type: "quote", text });
    } else paragraph.push(line.trim());
  }
  flush();
  return blocks;
}

const INLINE = /`([^`]+)`|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|_([^_\s][^_]*)_|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** The inline runs of one block's text; a link to anything but http(s)/mailto stays plain text. */
export function parseInline(text: string): MdInline[] {
  const out: MdInline[] = [];
  let at = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > at) out.push({ type: "text", text: text.slice(at, m.index) });
    if (m[1] !== undefined) out.push({ type: "code", text: m[1] });
    else if (m[2] !== undefined || m[3] !== undefined) out.push({ type: "strong", text: (m[2] ?? m[3])! });
    else if (m[4] !== undefined || m[5] !== undefined) out.push({ type: "em", text: (m[4] ?? m[5])! });
    else if (/^(https?:|mailto:)/i.test(m[7]!)) out.push({ type: "link", text: m[6]!, href: m[7]! });
    else out.push({ type: "text", text: m[0] });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ type: "text", text: text.slice(at) });
  return out;
}
