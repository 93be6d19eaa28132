import { spawnSync } from "node:child_process";
import type { Config } from "@/lib/config";

/** Start-up warnings about optional tools and an open identity set-up (never fatal). */
export async function checkTools(config: Config): Promise<string[]> {
  const warnings: string[] = [];
  for (const [name, bin] of [["ffprobe", config.ffprobe], ["ffmpeg", config.ffmpeg]] as const) {
    const probe = spawnSync(bin, ["-version"], { stdio: "ignore" });
    if (probe.error || probe.status !== 0) {
      warnings.push(`${name} not found (${bin}): videos are stored but get no metadata or poster until it is installed (apt-get install ffmpeg).`);
    }
  }
  const pdftoppm = spawnSync("pdftoppm", ["-v"], { stdio: "ignore" });
  if (pdftoppm.error) warnings.push("pdftoppm not found: PDF pages past the first cannot be previewed until it is installed (apt-get install poppler-utils).");
  if (!config.apiToken && config.owners.length === 0) {
    warnings.push("Neither ALBUMS_OWNER nor ALBUMS_API_TOKEN is set: only programs on this machine can use Albums (see README, Tailscale).");
  }
  return warnings;
}
