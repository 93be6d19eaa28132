import { diskSeverity } from "@/lib/health/list-problems";

/** What `npm run doctor` looked at (gathered by gatherDoctorFacts), kept apart so each check is a pure function. */
export type DoctorFacts = {
  node: { version: string; required: string };
  tools: { name: string; found: boolean }[];
  disk: { path: string; freeBytes: number; totalBytes: number } | null;
  dataDir: {
    path: string;
    exists: boolean;
    /** Whether its parent folder exists (a first start can create it). */
    parentExists: boolean;
    markerPresent: boolean;
    databasePresent: boolean;
    /** Permission bits of the folder. */
    mode: number;
    /** Whether the user that runs Albums (the service user, else this one) owns it. */
    ownedByRunner: boolean;
  };
  backup: {
    folder: { path: string; writable: boolean; error: string | null };
    /** The restic repository (null when none is configured). */
    repository: { label: string; reachable: boolean; error: string | null } | null;
  };
  models: { kind: string; present: boolean; missing: string | null; howToGet: string }[];
  tailscale: {
    owners: string[];
    /** Null when the `tailscale` command is not installed. */
    serveTargets: string[] | null;
    port: number;
    /** When a request with the owner's identity last arrived (null: never). */
    lastSeen: { at: string; login: string } | null;
  };
  /** listenAddressProblem's answer (null: fine). */
  listenProblem: string | null;
  listen: string;
  clock: { now: string; /** The newest time this code or library is known to have existed at. */ notBefore: string; ntpSynchronized: boolean | null };
};

export type CheckStatus = "ok" | "warn" | "fail";
export type CheckLine = { check: string; status: CheckStatus; detail: string };

type Check = (facts: DoctorFacts) => CheckLine;
const GiB = 2 ** 30;
const line = (check: string, status: CheckStatus, detail: string): CheckLine => ({ check, status, detail });

export const checkNode: Check = ({ node }) =>
  compareVersions(node.version, node.required) >= 0
    ? line("node", "ok", `v${node.version}`)
    : line("node", "fail", `v${node.version} is older than the required ${node.required}: install a current Node.js LTS (nodesource or nvm)`);

export const checkTools: Check = ({ tools }) => {
  const missing = tools.filter((t) => !t.found).map((t) => t.name);
  return missing.length === 0
    ? line("ffmpeg", "ok", tools.map((t) => t.name).join(", ") + " found")
    : line("ffmpeg", "warn", `${missing.join(", ")} not found: videos are kept but get no metadata or poster (sh scripts/debian-packages.sh)`);
};

export const checkDisk: Check = ({ disk }) => {
  if (!disk) return line("disk", "fail", "free space unknown: the data dir cannot be read");
  const free = `${(disk.freeBytes / GiB).toFixed(1)} GiB free of ${(disk.totalBytes / GiB).toFixed(1)} GiB at ${disk.path}`;
  const severity = diskSeverity(disk.freeBytes, disk.totalBytes);
  return severity ? line("disk", severity === "error" ? "fail" : "warn", `${free}: uploads are refused when it is full; empty the trash or move to a bigger disk`) : line("disk", "ok", free);
};

export const checkDataDir: Check = ({ dataDir: d }) => {
  if (!d.exists && !d.parentExists) return line("data dir", "fail", `${d.path} and its parent do not exist: is the data volume mounted?`);
  if (!d.exists) return line("data dir", "warn", `${d.path} does not exist yet: the first start creates it (if the volume is mounted)`);
  if (d.databasePresent && !d.markerPresent) return line("data dir", "fail", `${d.path} has a database but no .albums-library marker: wrong or half-mounted volume; Albums refuses to start`);
  if (!d.ownedByRunner) return line("data dir", "fail", `${d.path} is not owned by the user Albums runs as: chown -R it to that user`);
  if (d.mode & 0o077) return line("data dir", "warn", `${d.path} is readable by other users (mode ${(d.mode & 0o777).toString(8)}): Albums makes it 0700 at its next start`);
  if (!d.markerPresent) return line("data dir", "warn", `${d.path} is not a library yet: the first start creates it`);
  return line("data dir", "ok", `${d.path} (marker present, private)`);
};

export const checkBackup: Check = ({ backup }) => {
  if (!backup.folder.writable) return line("backup", "fail", `cannot write to ALBUMS_BACKUP_DIR ${backup.folder.path}: ${backup.folder.error ?? "not writable"}`);
  const repo = backup.repository;
  if (repo && !repo.reachable) return line("backup", "fail", `restic repository ${repo.label} unreachable: ${repo.error ?? "no answer"} (check the box is up, the ssh key and the password file)`);
  return line("backup", "ok", [backup.folder.path, repo?.label].filter(Boolean).join(" and ") + " reachable");
};

export const checkModels: Check = ({ models }) => {
  const missing = models.filter((m) => !m.present);
  return missing.length === 0
    ? line("models", "ok", models.map((m) => m.kind).join(", ") + " present")
    : line("models", "warn", `${missing.map((m) => m.kind).join(", ")} missing, those jobs wait: ${missing.map((m) => m.howToGet).join("; ")}`);
};

export const checkTailscale: Check = ({ tailscale: t }) => {
  if (t.owners.length === 0) return line("tailscale", "warn", "ALBUMS_OWNER is not set: only programs on this box (or an API token) can use Albums");
  if (t.serveTargets === null) return line("tailscale", "fail", "the tailscale command is not installed: install Tailscale, then `tailscale serve --bg " + t.port + "`");
  if (!t.serveTargets.some((target) => new RegExp(`^https?://(127\\.0\\.0\\.1|localhost|\\[::1\\]):${t.port}/?$`).test(target))) {
    return line("tailscale", "fail", `tailscale serve does not forward to this port (${t.serveTargets.join(", ") || "nothing served"}): run \`tailscale serve --bg ${t.port}\``);
  }
  if (!t.lastSeen) return line("tailscale", "warn", `serve is set up, but no request with the owner's identity has arrived yet: open https://<this box>.<tailnet>.ts.net as ${t.owners[0]}`);
  return line("tailscale", "ok", `serve → :${t.port}; ${t.lastSeen.login} seen ${t.lastSeen.at}`);
};

export const checkListen: Check = ({ listen, listenProblem }) => (listenProblem ? line("listen", "fail", listenProblem) : line("listen", "ok", listen));

export const checkClock: Check = ({ clock }) => {
  if (Date.parse(clock.now) < Date.parse(clock.notBefore)) {
    return line("clock", "fail", `the clock says ${clock.now}, before ${clock.notBefore} (this code or library is newer): dates and backups go wrong; enable NTP (timedatectl set-ntp true)`);
  }
  if (clock.ntpSynchronized === false) return line("clock", "warn", `${clock.now}, not synchronised: enable NTP (timedatectl set-ntp true)`);
  return line("clock", "ok", clock.now);
};

export const CHECKS: Check[] = [checkNode, checkTools, checkDisk, checkDataDir, checkBackup, checkModels, checkTailscale, checkListen, checkClock];

/** All checks, in order: one line each. */
export function doctorChecks(facts: DoctorFacts): CheckLine[] {
  return CHECKS.map((check) => check(facts));
}

/** `a` vs `b` (dotted numbers, a leading `>=` or `v` ignored): negative, 0 or positive. */
function compareVersions(a: string, b: string): number {
  const parse = (v: string) => v.replace(/^[>=v\s]+/, "").split(".").map((n) => Number.parseInt(n, 10) || 0);
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}
