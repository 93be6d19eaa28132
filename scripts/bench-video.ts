// `npm run bench:video`: rendition throughput (seconds of video per second of wall time) of the real
// app (server + worker: ingest, probe, niced one-at-a-time ffmpeg, rename, row) against a bare ffmpeg
// run of the same command line on the same files in the same run (before and after), plus the
// resident memory of the whole app (server, worker, ffmpeg) while it transcodes.
// BENCH_VIDEO_SECONDS (default 8) and BENCH_VIDEO_SIZE (default 1280x720) size the clips.
import "@/lib/server/install-egress-guard";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ffmpegHasFilter } from "@/lib/media/ffmpeg-has-filter";
import { probeJson } from "@/lib/media/probe-video";
import { playbackFacts, renditionReasons, type ProbeJson } from "@/lib/media/rendition-rule";
import { residentKb } from "@/lib/media/run-bounded-child";
import { renditionArgs } from "@/lib/media/video-rendition-args";
import { getJson, spawnApp } from "@/tests/support/app-process";
import { multipart, request } from "@/tests/support/http-client";
import { makeVideoClips } from "@/tests/support/video-clips";

const SECONDS = Number(process.env.BENCH_VIDEO_SECONDS ?? 8);
const SIZE = process.env.BENCH_VIDEO_SIZE ?? "1280x720";
const MIME: Record<string, string> = { mp4: "video/mp4", mov: "video/quicktime", avi: "video/vnd.avi" };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-bench-video-"));
const clips = Object.values(makeVideoClips(dir, SECONDS, SIZE));
const zscale = await ffmpegHasFilter("ffmpeg", "zscale");
const work: { file: string; args: string[] }[] = [];
for (const file of clips) {
  const facts = playbackFacts((await probeJson(file, "ffprobe")) as ProbeJson, MIME[path.extname(file).slice(1)]!)!;
  if (renditionReasons(facts, 1080).length === 0) continue;
  work.push({ file, args: renditionArgs(file, path.join(dir, "bare.mp4"), facts, { encoder: "software", device: "", resolution: 1080, zscale }) });
}
const videoSeconds = work.length * SECONDS;

/** Wall seconds of the bare command lines; `niced` runs them under `nice -n 10` as the worker does. */
function bare(niced = false): number {
  const started = performance.now();
  for (const { args } of work) {
    const command = ["ffmpeg", "-hide_banner", "-nostdin", "-v", "error", ...args];
    if (niced) execFileSync("nice", ["-n", "10", ...command]);
    else execFileSync(command[0]!, command.slice(1));
  }
  return (performance.now() - started) / 1000;
}

/** Every process under `pid` (the supervisor: server, worker, ffmpeg), with its command name. */
function tree(pid: number): { pid: number; name: string }[] {
  const out: { pid: number; name: string }[] = [];
  const children = (p: number) => {
    try {
      return fs.readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const visit = (p: number) => {
    let name = "?";
    try {
      name = fs.readFileSync(`/proc/${p}/comm`, "utf8").trim();
    } catch {
      return;
    }
    out.push({ pid: p, name });
    for (const c of children(p)) visit(c);
  };
  visit(pid);
  return out;
}

async function albums(): Promise<{ seconds: number; peakAppMb: number; peakFfmpegMb: number; peakRestMb: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-bench-"));
  const env = { ALBUMS_DATA_DIR: dataDir, ALBUMS_BACKUP_DIR: path.join(dataDir, "..", `${path.basename(dataDir)}-backups`), ALBUMS_BACKUP_EVERY_HOURS: "0", ALBUMS_API_TOKEN: "", ALBUMS_OWNER: "", ALBUMS_LOG_LEVEL: "warn", ALBUMS_ENRICHMENT: "none" };
  const app = await spawnApp("start", env, { waitFor: (h) => h.worker?.alive === true });
  try {
    for (const { file } of work) {
      const { body, contentType } = multipart(path.basename(file), fs.readFileSync(file));
      const res = await request(app.port, { method: "POST", path: "/api/ingest", headers: { "content-type": contentType }, body });
      if (res.status !== 201) throw new Error(`ingest ${file}: ${res.status}`);
    }
    let started = 0;
    let polled = 0;
    let body: { kinds: { kind: string; pending: number; running: number; done: number }[] } = { kinds: [] };
    const peak = { app: 0, ffmpeg: 0, rest: 0 };
    for (;;) {
      // The queue is asked twice a second at most (the server's answer costs CPU the encoder wants); memory is sampled every 100 ms.
      if (performance.now() - polled > 500) {
        body = (await getJson(app.port, "/api/admin/jobs")).body;
        polled = performance.now();
      }
      const kind = body.kinds.find((k) => k.kind === "video-rendition")!;
      if (!started && kind.running > 0) started = performance.now();
      if (started) {
        const processes = tree(app.child.pid!).map((p) => ({ ...p, mb: residentKb(p.pid) / 1024 }));
        const ffmpeg = processes.filter((p) => p.name === "ffmpeg").reduce((s, p) => s + p.mb, 0);
        const all = processes.reduce((s, p) => s + p.mb, 0);
        peak.app = Math.max(peak.app, all);
        peak.ffmpeg = Math.max(peak.ffmpeg, ffmpeg);
        peak.rest = Math.max(peak.rest, all - ffmpeg);
      }
      if (started && kind.pending + kind.running === 0) {
        if (kind.done !== work.length) throw new Error(`renditions: ${JSON.stringify(kind)}`);
        return { seconds: (performance.now() - started) / 1000, peakAppMb: peak.app, peakFfmpegMb: peak.ffmpeg, peakRestMb: peak.rest };
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await app.stop("SIGTERM");
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(env.ALBUMS_BACKUP_DIR, { recursive: true, force: true });
  }
}

console.log(`clips: ${work.length} needing a rendition (${work.map((w) => path.basename(w.file)).join(", ")}), ${SECONDS} s ${SIZE} each; ${os.cpus().length} cores; zscale ${zscale ? "yes" : "no"}`);
const before = bare();
const run = await albums();
const after = bare();
const niced = bare(true);
const baseline = (before + after) / 2;
const rate = (seconds: number) => (videoSeconds / seconds).toFixed(2);
console.log(`baseline  bare ffmpeg, same command lines            : ${rate(baseline)} s of video/s (${baseline.toFixed(1)} s; runs ${before.toFixed(1)} s / ${after.toFixed(1)} s)`);
console.log(`niced     bare ffmpeg under nice -n 10 (as the worker): ${rate(niced)} s of video/s (${niced.toFixed(1)} s; on a shared box nice alone costs this much)`);
console.log(`albums    worker rendition jobs (niced, one at a time): ${rate(run.seconds)} s of video/s (${run.seconds.toFixed(1)} s)`);
console.log(`ratio     albums / baseline                           : ${(baseline / run.seconds).toFixed(2)} (target ≥ 0.90)`);
console.log(`memory    whole app while transcoding (peak RSS)      : ${run.peakAppMb.toFixed(0)} MiB (ffmpeg ${run.peakFfmpegMb.toFixed(0)} MiB, server + worker + supervisor ${run.peakRestMb.toFixed(0)} MiB)`);
fs.rmSync(dir, { recursive: true, force: true });
