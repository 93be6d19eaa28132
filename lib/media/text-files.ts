// Which stored files are text (read for previews and indexed for search). Pure: the job table
// (lib/queue/kinds.ts) reads it too.

/** Extensions of files read as plain text (their bytes must also decode as UTF-8 without NULs). */
export const TEXT_EXTS: readonly string[] = [
  "txt", "text", "md", "markdown", "csv", "tsv", "log", "json", "xml", "yaml", "yml", "ini", "conf", "cfg", "toml",
  "srt", "vtt", "tex", "rst", "org", "sh", "py", "js", "ts", "css", "sql",
];

/** Extensions shown formatted as Markdown. */
export const MARKDOWN_EXTS: readonly string[] = ["md", "markdown"];

/** True for an asset of kind "file" stored under a text extension (its bytes decide the rest). */
export function isTextFile(kind: string, ext: string): boolean {
  return kind === "file" && TEXT_EXTS.includes(ext);
}
