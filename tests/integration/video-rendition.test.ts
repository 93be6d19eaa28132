// Video renditions on a real library: the clips issue 18 names go through ingest and the worker;
// the ones browsers cannot play get an H.264/AAC MP4 (rotated, tone-mapped, index at the front),
// the plain H.264 MP4 gets none; every video gets a silent preview; renditions are served with
// ranges; a killed ffmpeg leaves nothing behind that could be served.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestLibrary, uploadForm, type TestLibrary } from "../support/test-library";
import { makeVideoClips, type ClipName } from "../support/video-clips";

let lib: TestLibrary;
let clips: Record<ClipName, string>;
const ids = new Map<ClipName, string>();
const clipDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-clips-"));

type Probe = { streams: { codec_type: string; codec_name: string; profile?: string; pix_fmt?: string; width: number; height: number; color_transfer?: string }[] };
const probe = (file: string) => JSON.parse(execFileSync("ffprobe", ["-v", "error", "-print_format", "json", "-show_streams", file]).toString()) as Probe;
const derived = (id: string, kind: string) => lib.db.derivative.findUnique({ where: { assetId_kind: { assetId: id, kind } } });
const derivedPath = async (id: string, kind: string) => path.join(lib.paths.derived, (await derived(id, kind))!.relPath);

beforeAll(async () => {
  lib = await createTestLibrary();
  clips = makeVideoClips(clipDir, 1, "320x180");
  const ingest = await import("@/app/api/ingest/route");
  for (const [name, file] of Object.entries(clips) as [ClipName, string][]) {
    const res = await lib.call(ingest.POST, { url: "/api/ingest", method: "POST", body: uploadForm(file) });
    const body = (await res.json()) as { assetId: string };
    expect(res.status, name).toBe(201);
    ids.set(name, body.assetId);
  }
  await lib.drain();
}, 240_000);
afterAll(async () => {
  await lib?.cleanup();
  fs.rmSync(clipDir, { recursive: true, force: true });
});

describe("video renditions", () => {
  it.each(["hevc10.mp4", "hdr10.mp4", "rotated.mov", "mpeg2.avi"] as const)("%s gets an H.264 High 8-bit + AAC MP4 with the index at the front", async (name) => {
    const file = await derivedPath(ids.get(name)!, "rendition");
    const { streams } = probe(file);
    const video = streams.find((s) => s.codec_type === "video")!;
    expect(video).toMatchObject({ codec_name: "h264", profile: "High", pix_fmt: "yuv420p" });
    expect(streams.find((s) => s.codec_type === "audio")?.codec_name).toBe("aac");
    const head = fs.readFileSync(file).subarray(0, 4096).toString("latin1");
    expect(head.indexOf("moov")).toBeGreaterThan(-1); // faststart: the index comes before the media data
    if (name === "rotated.mov") expect([video.width, video.height]).toEqual([180, 320]);
    if (name === "hdr10.mp4") expect(video.color_transfer).toBe("bt709");
  });

  it("leaves a plain H.264 MP4 alone: no rendition, the original plays", async () => {
    const id = ids.get("h264.mp4")!;
    expect(await derived(id, "rendition")).toBeNull();
    const job = await lib.db.job.findUnique({ where: { key: `video-rendition:${id}` } });
    expect(job?.status).toBe("done");
    const detail = await import("@/app/api/assets/[id]/route");
    const body = (await (await lib.call(detail.GET, { url: `/api/assets/${id}`, params: { id } })).json()) as { playback: { url: string }[] };
    expect(body.playback.map((p) => p.url)).toEqual([`/api/assets/${id}/original`]);
  });

  it("gives every video a poster and a short silent preview", async () => {
    for (const id of ids.values()) {
      expect((await lib.db.asset.findUnique({ where: { id } }))?.decodeState).toBe("ok");
      const { streams } = probe(await derivedPath(id, "preview"));
      expect(streams.map((s) => s.codec_type)).toEqual(["video"]);
      expect(Math.max(streams[0]!.width, streams[0]!.height)).toBeLessThanOrEqual(320);
    }
  });

  it("serves the rendition with byte ranges as video/mp4, and the AVI original as video/x-msvideo", async () => {
    const id = ids.get("mpeg2.avi")!;
    const route = await import("@/app/api/assets/[id]/video/route");
    const res = await lib.call(route.GET, { url: `/api/assets/${id}/video?variant=rendition`, params: { id }, headers: { range: "bytes=1000-1999" } });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-type")).toBe("video/mp4");
    expect(res.headers.get("content-range")).toMatch(/^bytes 1000-1999\/\d+$/);
    expect((await res.arrayBuffer()).byteLength).toBe(1000);
    const original = await import("@/app/api/assets/[id]/original/route");
    const orig = await lib.call(original.GET, { url: `/api/assets/${id}/original`, params: { id }, headers: { range: "bytes=0-99" } });
    expect(orig.status).toBe(206);
    expect(orig.headers.get("content-type")).toBe("video/x-msvideo");
  });

  it("a killed ffmpeg leaves no rendition row, no derived file and no temp file; the original is untouched", async () => {
    const id = ids.get("hevc10.mp4")!;
    const before = fs.readFileSync(clips["hevc10.mp4"]);
    await lib.db.derivative.delete({ where: { assetId_kind: { assetId: id, kind: "rendition" } } });
    fs.rmSync(path.join(path.dirname(await derivedPath(id, "preview")), "rendition.mp4"));
    // ffmpeg that starts writing, then dies by SIGKILL (the OOM killer, a reboot).
    const killer = path.join(clipDir, "ffmpeg-killed.sh");
    fs.writeFileSync(killer, `#!/bin/sh\nffmpeg "$@" & pid=$!\nsleep 0.3\nkill -9 $pid\nexit 137\n`, { mode: 0o755 });
    const { videoRenditionJob } = await import("@/lib/jobs/handlers/video-rendition");
    const { createLogger } = await import("@/lib/server/logger");
    const job = { id: 0, kind: "video-rendition" as const, key: "x", assetId: id, payload: "{}", attempts: 1, maxAttempts: 5 };
    await expect(videoRenditionJob.run({ db: lib.db, paths: lib.paths, config: { ...lib.config, ffmpeg: killer }, log: createLogger("test", "error") }, job)).rejects.toThrow(/ffmpeg exited/);
    expect(await derived(id, "rendition")).toBeNull();
    expect(fs.existsSync(path.join(path.dirname(await derivedPath(id, "preview")), "rendition.mp4"))).toBe(false);
    expect(fs.readdirSync(lib.paths.tmp)).toEqual([]);
    const asset = (await lib.db.asset.findUnique({ where: { id } }))!;
    const { originalPath } = await import("@/lib/server/paths");
    expect(fs.readFileSync(originalPath(lib.paths, asset.sha256, asset.ext)).equals(before)).toBe(true);
  });
});
