import { describe, expect, it } from "vitest";
import { doctorChecks, type DoctorFacts } from "./doctor-checks";

const GiB = 2 ** 30;
const healthy: DoctorFacts = {
  node: { version: "20.19.1", required: ">=20.19" },
  tools: [{ name: "ffmpeg", found: true }, { name: "ffprobe", found: true }],
  disk: { path: "/srv/albums", freeBytes: 500 * GiB, totalBytes: 1000 * GiB },
  dataDir: { path: "/srv/albums", exists: true, parentExists: true, markerPresent: true, databasePresent: true, mode: 0o40700, ownedByRunner: true },
  backup: { folder: { path: "/mnt/backup", writable: true, error: null }, repository: { label: "sftp:b@100.64.0.7:/r", reachable: true, error: null } },
  models: [{ kind: "clip", present: true, missing: null, howToGet: "npm run models:download" }],
  tailscale: { owners: ["me@example.com"], serveTargets: ["http://127.0.0.1:3000"], port: 3000, lastSeen: { at: "2026-12-01T10:00:00Z", login: "me@example.com" } },
  listenProblem: null,
  listen: "127.0.0.1:3000",
  clock: { now: "2026-12-05T09:00:00Z", notBefore: "2026-11-21T09:15:00Z", ntpSynchronized: true },
};

/** The one line of `check` for facts changed by `patch`, after checking every other line stays ok. */
function only(check: string, patch: Partial<DoctorFacts>) {
  const lines = doctorChecks({ ...healthy, ...patch });
  expect(lines.filter((l) => l.check !== check && l.status !== "ok")).toEqual([]);
  return lines.find((l) => l.check === check)!;
}

describe("doctor checks", () => {
  it("a healthy box: every line ok", () => {
    expect(doctorChecks(healthy).map((l) => [l.check, l.status])).toEqual(
      ["node", "ffmpeg", "disk", "data dir", "backup", "models", "tailscale", "listen", "clock"].map((check) => [check, "ok"]),
    );
  });

  it("node older than the engines range fails", () => {
    expect(only("node", { node: { version: "20.18.3", required: ">=20.19" } })).toMatchObject({ status: "fail", detail: expect.stringContaining("older than the required >=20.19") });
    expect(only("node", { node: { version: "22.1.0", required: ">=20.19" } }).status).toBe("ok");
  });

  it("ffmpeg missing warns (videos still stored)", () => {
    expect(only("ffmpeg", { tools: [{ name: "ffmpeg", found: false }, { name: "ffprobe", found: true }] })).toMatchObject({ status: "warn", detail: expect.stringMatching(/^ffmpeg not found/) });
  });

  it("free space: warning under 10 %, failure under 2 % or 1 GiB", () => {
    expect(only("disk", { disk: { path: "/srv", freeBytes: 50 * GiB, totalBytes: 1000 * GiB } }).status).toBe("warn");
    expect(only("disk", { disk: { path: "/srv", freeBytes: 0.5 * GiB, totalBytes: 10 * GiB } })).toMatchObject({ status: "fail", detail: expect.stringContaining("0.5 GiB free of 10.0 GiB") });
  });

  it("data dir: unmounted, database without marker, wrong owner, readable by others", () => {
    const dir = (patch: Partial<DoctorFacts["dataDir"]>) => only("data dir", { dataDir: { ...healthy.dataDir, ...patch } });
    expect(dir({ exists: false, parentExists: false })).toMatchObject({ status: "fail", detail: expect.stringContaining("is the data volume mounted") });
    expect(dir({ exists: false, markerPresent: false, databasePresent: false }).status).toBe("warn");
    expect(dir({ markerPresent: false })).toMatchObject({ status: "fail", detail: expect.stringContaining("no .albums-library marker") });
    expect(dir({ ownedByRunner: false })).toMatchObject({ status: "fail", detail: expect.stringContaining("not owned by the user Albums runs as") });
    expect(dir({ mode: 0o40755 })).toMatchObject({ status: "warn", detail: expect.stringContaining("mode 755") });
  });

  it("backup: an unwritable folder or an unreachable restic repository fails", () => {
    expect(only("backup", { backup: { ...healthy.backup, folder: { path: "/mnt/backup", writable: false, error: "EROFS: read-only file system" } } })).toMatchObject({ status: "fail", detail: expect.stringContaining("EROFS") });
    expect(only("backup", { backup: { ...healthy.backup, repository: { label: "sftp:b@100.64.0.7:/r", reachable: false, error: "ssh: connection refused" } } })).toMatchObject({ status: "fail", detail: expect.stringContaining("connection refused") });
  });

  it("a missing model warns with how to get it", () => {
    expect(only("models", { models: [{ kind: "clip", present: false, missing: "missing onnx/text_model.onnx", howToGet: "npm run models:download -- --model clip" }] })).toMatchObject({ status: "warn", detail: "clip missing, those jobs wait: npm run models:download -- --model clip" });
  });

  it("tailscale: not installed, serving another port, never seen an identity", () => {
    const ts = (patch: Partial<DoctorFacts["tailscale"]>) => only("tailscale", { tailscale: { ...healthy.tailscale, ...patch } });
    expect(ts({ serveTargets: null })).toMatchObject({ status: "fail", detail: expect.stringContaining("not installed") });
    expect(ts({ serveTargets: ["http://127.0.0.1:8080"] })).toMatchObject({ status: "fail", detail: expect.stringContaining("does not forward to this port (http://127.0.0.1:8080)") });
    expect(ts({ lastSeen: null })).toMatchObject({ status: "warn", detail: expect.stringContaining("no request with the owner's identity") });
    expect(ts({ owners: [] })).toMatchObject({ status: "warn", detail: expect.stringContaining("ALBUMS_OWNER is not set") });
  });

  it("listen address: the boot refusal is a failure", () => {
    expect(only("listen", { listenProblem: "ALBUMS_HOST=0.0.0.0 would expose Albums beyond this machine." })).toMatchObject({ status: "fail", detail: expect.stringContaining("0.0.0.0") });
  });

  it("clock: behind the code's newest migration fails; not synchronised warns", () => {
    expect(only("clock", { clock: { ...healthy.clock, now: "2001-01-01T00:00:00Z" } })).toMatchObject({ status: "fail", detail: expect.stringContaining("before 2026-11-21") });
    expect(only("clock", { clock: { ...healthy.clock, ntpSynchronized: false } }).status).toBe("warn");
  });
});
