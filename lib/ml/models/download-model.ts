import fs from "node:fs/promises";
import path from "node:path";
import { downloadFile } from "./download-file";
import type { ModelEntry } from "./model-manifest";

export const DEFAULT_HUB_URL = "https://huggingface.co";
/** Kept in each model folder: the files verified so far, so nothing verified is fetched again. */
export const MODEL_RECORD = "albums-model.json";

type FileRecord = { path: string; bytes: number; algorithm: string; hex: string };
type ModelRecord = { repo: string; revision: string; commit: string | null; files: FileRecord[] };

export type DownloadModelOptions = {
  entry: ModelEntry;
  /** Folder that holds one sub-folder per model (`<dataDir>/models`). */
  modelsDir: string;
  /** The model's own folder, when configured apart (default `<modelsDir>/<name>`). */
  dir?: string;
  /** Hub or mirror base URL (default https://huggingface.co). */
  baseUrl?: string;
  attempts?: number;
  retryDelayMs?: number;
  onFile?: (file: string, bytesDone: number, bytesTotal: number | null) => void;
};

export type DownloadModelResult = {
  name: string;
  dir: string;
  status: "skipped" | "downloaded";
  commit: string | null;
  files: { path: string; bytes: number; verifiedWith: string; resumedFrom: number; skipped: boolean }[];
};

/**
 * Fetches every file of a manifest entry into `<modelsDir>/<name>/` (see downloadFile for resume
 * and verification), recording each verified file in albums-model.json as it lands; a model whose
 * record is complete and whose files are all there with their recorded sizes is skipped without
 * any request.
 */
export async function downloadModel(options: DownloadModelOptions): Promise<DownloadModelResult> {
  const { entry, baseUrl = DEFAULT_HUB_URL } = options;
  const dir = path.resolve(options.dir ?? path.join(options.modelsDir, entry.name));
  const recordPath = path.join(dir, MODEL_RECORD);
  const previous = await readRecord(recordPath, entry);
  const record: ModelRecord = { repo: entry.repo, revision: entry.revision, commit: previous?.commit ?? null, files: [] };
  const result: DownloadModelResult = { name: entry.name, dir, status: "skipped", commit: record.commit, files: [] };

  for (const file of entry.files) {
    const target = path.join(dir, file.path);
    const known = previous?.files.find((f) => f.path === file.path && (!file.sha256 || f.hex === file.sha256));
    if (known && (await fs.stat(target).catch(() => null))?.size === known.bytes) {
      record.files.push(known);
      result.files.push({ path: file.path, bytes: known.bytes, verifiedWith: `${known.algorithm} (earlier)`, resumedFrom: 0, skipped: true });
      continue;
    }
    const url = `${baseUrl.replace(/\/+$/, "")}/${entry.repo}/resolve/${encodeURIComponent(entry.revision)}/${file.path}`;
    const got = await downloadFile({
      url,
      target,
      pinnedSha256: file.sha256,
      attempts: options.attempts,
      retryDelayMs: options.retryDelayMs,
      onProgress: (done, total) => options.onFile?.(file.path, done, total),
    });
    if (record.commit && got.commit && got.commit !== record.commit) {
      throw new Error(`${entry.repo} moved from commit ${record.commit} to ${got.commit} during the download; run it again`);
    }
    record.commit ??= got.commit;
    record.files.push({ path: file.path, bytes: got.bytes, algorithm: got.checksum.algorithm, hex: got.checksum.hex });
    result.status = "downloaded";
    result.files.push({ path: file.path, bytes: got.bytes, verifiedWith: `${got.checksum.algorithm} from ${got.checksum.source}`, resumedFrom: got.resumedFrom, skipped: false });
    // Files verified in an earlier run but not yet reached in this one stay recorded.
    const later = previous?.files.filter((f) => !record.files.some((r) => r.path === f.path)) ?? [];
    await writeRecord(recordPath, { ...record, files: [...record.files, ...later] });
  }
  if (result.status === "downloaded") await writeRecord(recordPath, record);
  return { ...result, commit: record.commit };
}

/** The folder's record if it is for this repository and revision (else everything is fetched again). */
async function readRecord(file: string, entry: ModelEntry): Promise<ModelRecord | null> {
  const text = await fs.readFile(file, "utf8").catch(() => null);
  if (!text) return null;
  try {
    const record = JSON.parse(text) as ModelRecord;
    return record.repo === entry.repo && record.revision === entry.revision && Array.isArray(record.files) ? record : null;
  } catch {
    return null;
  }
}

async function writeRecord(file: string, record: ModelRecord): Promise<void> {
  const temp = `${file}.tmp`;
  const handle = await fs.open(temp, "w");
  try {
    await handle.writeFile(`${JSON.stringify(record, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temp, file);
}
