import { spawn } from "node:child_process";
import { residentKb } from "./run-bounded-child";

export type FfmpegRun = {
  ffmpeg: string;
  args: string[];
  /** Length of the output being made, for the progress fraction (ms). */
  durationMs: number | null;
  onProgress?: (fraction: number) => void;
  /** Killed past this resident memory. */
  rssMb: number;
  /** `nice` increment (0 = run at normal priority). */
  nice: number;
};

/**
 * Runs ffmpeg (under `nice`) with `-progress pipe:1`, reporting the fraction done from its
 * out_time; killed (SIGKILL) past its memory budget. Resolves when it exits 0; rejects with the
 * end of its stderr otherwise. The caller owns the output file, complete or not.
 */
export function runFfmpeg(run: FfmpegRun): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = ["-hide_banner", "-nostdin", "-v", "error", "-progress", "pipe:1", "-nostats", ...run.args];
    const child = run.nice > 0 ? spawn("nice", ["-n", String(run.nice), run.ffmpeg, ...args], { stdio: ["ignore", "pipe", "pipe"] }) : spawn(run.ffmpeg, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let overBudget = false;
    let pending = "";
    const watch = setInterval(() => {
      if (residentKb(child.pid) > run.rssMb * 1024) {
        overBudget = true;
        child.kill("SIGKILL");
      }
    }, 500);
    child.stdout.on("data", (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        const micros = /^out_time_us=(\d+)/.exec(line)?.[1];
        if (micros && run.durationMs && run.onProgress) run.onProgress(Math.min(1, Number(micros) / 1000 / run.durationMs));
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    child.once("error", (error) => {
      clearInterval(watch);
      reject(error);
    });
    child.once("close", (code, signal) => {
      clearInterval(watch);
      if (overBudget) return reject(new Error(`ffmpeg used more than ${run.rssMb} MiB of memory`));
      if (code !== 0) return reject(new Error(`ffmpeg exited with ${signal ?? code}: ${stderr.trim().split("\n").slice(-3).join(" | ")}`));
      resolve();
    });
  });
}
