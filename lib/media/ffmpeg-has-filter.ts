import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);
const cache = new Map<string, Promise<string>>();

/** Whether this ffmpeg build has `filter` (zscale needs zimg: Debian's has it); asked once per ffmpeg. */
export async function ffmpegHasFilter(ffmpeg: string, filter: string): Promise<boolean> {
  if (!cache.has(ffmpeg)) cache.set(ffmpeg, run(ffmpeg, ["-hide_banner", "-filters"], { timeout: 10_000 }).then((r) => r.stdout, () => ""));
  return new RegExp(`^\\s*\\S+\\s+${filter}\\s`, "m").test(await cache.get(ffmpeg)!);
}
