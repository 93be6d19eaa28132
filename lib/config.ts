import path from "node:path";
import { z } from "zod";
import { isAllowedDestination, parseAllowList } from "@/lib/server/egress-guard";
import { publicOrigin } from "@/lib/share-links/public-origin";

export const ENRICHMENT_KINDS = ["places", "clip", "ocr", "faces", "caption"] as const;
export type EnrichmentKind = (typeof ENRICHMENT_KINDS)[number];

const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();

const schema = z.object({
  ALBUMS_HOST: z.string().min(1).default("127.0.0.1"),
  ALBUMS_PORT: port.default(3000),
  ALBUMS_SHARE_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  ALBUMS_SHARE_PUBLIC_URL: publicOrigin.optional(),
  ALBUMS_DATA_DIR: z.string().min(1).default("./data"),
  ALBUMS_API_TOKEN: z
    .string()
    .min(24, "must be at least 24 characters (use `openssl rand -hex 24`)")
    .optional(),
  ALBUMS_OWNER: z
    .string()
    .regex(/^[^\s,]+(,[^\s,]+)*$/, "must be a Tailscale login like you@example.com (comma-separated for several)")
    .optional(),
  ALBUMS_MAX_UPLOAD_MB: positiveInt.default(4096),
  ALBUMS_MAX_PIXELS: positiveInt.default(100_000_000),
  ALBUMS_FFMPEG: z.string().min(1).default("ffmpeg"),
  ALBUMS_FFPROBE: z.string().min(1).default("ffprobe"),
  ALBUMS_VIDEO_RESOLUTION: z.enum(["720", "1080", "2160"]).default("1080"),
  ALBUMS_VIDEO_ENCODER: z.enum(["software", "vaapi", "qsv"]).default("software"),
  ALBUMS_VIDEO_DEVICE: z.string().min(1).default("/dev/dri/renderD128"),
  ALBUMS_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(8).default(2),
  ALBUMS_JOB_LEASE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(120),
  ALBUMS_WORKER_STALL_SECONDS: z.coerce.number().int().min(2).max(86_400).default(120),
  ALBUMS_LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  ALBUMS_LOG_KEEP_DAYS: positiveInt.default(14),
  ALBUMS_BACKUP_DIR: z.string().min(1).default("./backups"),
  ALBUMS_BACKUP_KEEP: positiveInt.default(7),
  ALBUMS_BACKUP_EVERY_HOURS: z.coerce.number().min(0).default(24),
  ALBUMS_BACKUP_REPOSITORY: z
    .string()
    .regex(/^(sftp:|rest:|\/)/, "must be a restic repository on another machine, e.g. sftp:backup@100.64.0.7:/srv/albums-restic or rest:http://100.64.0.7:8000/albums (or an absolute path on another disk)")
    .optional(),
  ALBUMS_BACKUP_PASSWORD_FILE: z.string().min(1).optional(),
  ALBUMS_BACKUP_SFTP_COMMAND: z.string().min(1).optional(),
  ALBUMS_BACKUP_VERIFY_HOURS: z.coerce.number().min(0).default(24),
  ALBUMS_SCRUB_MB_PER_MINUTE: z.coerce.number().min(0).default(200),
  ALBUMS_TRASH_DAYS: z.coerce.number().min(0).default(30),
  ALBUMS_IMPORT_DIR: z.string().refine((dir) => path.isAbsolute(dir), "must be an absolute folder, e.g. /srv/albums-import (the folder Syncthing fills)").optional(),
  ALBUMS_IMPORT_MOVE: z.enum(["0", "1"]).default("0"),
  ALBUMS_IMPORT_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  ALBUMS_FILE_VERSIONS: z.coerce.number().int().min(0).max(1000).default(10),
  ALBUMS_ALLOW_LAN: z.enum(["0", "1"]).default("0"),
  ALBUMS_ALLOWED_HOSTS: z
    .string()
    .regex(/^\s*(\.?[a-z0-9-]+(\.[a-z0-9-]+)*\.?)?(\s*,\s*\.?[a-z0-9-]+(\.[a-z0-9-]+)*\.?)*\s*$/i, "must be host names, comma-separated (a leading dot allows subdomains: .example.org)")
    .default(""),
  ALBUMS_IMPORT_DIRS: z.string().default(""),
  ALBUMS_LIBRARIES: z
    .string()
    .default("")
    .refine((value) => value.split(":").every((dir) => dir.trim() === "" || path.isAbsolute(dir.trim())), "must be absolute folders separated by `:`, e.g. /srv/photos:/mnt/nas/archive")
    .transform((value) => [...new Set(value.split(":").map((dir) => dir.trim()).filter(Boolean).map((dir) => path.resolve(/*turbopackIgnore: true*/ dir)))]),
  ALBUMS_LIBRARY_SCAN_MINUTES: z.coerce.number().min(1).max(10_080).default(15),
  ALBUMS_REQUEST_IDLE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  ALBUMS_EGRESS: z.enum(["block", "count"]).default("block"),
  ALBUMS_EGRESS_ALLOW: z.string().default("100.64.0.0/10,fd7a:115c:a1e0::/48"),
  ALBUMS_MODELS_DIR: z.string().min(1).optional(),
  ALBUMS_FACE_MODEL_DIR: z.string().min(1).optional(),
  ALBUMS_FACE_PIPELINE: z.enum(["auto", "face-api", "yunet"]).default("auto"),
  ALBUMS_CLIP_MODEL_DIR: z.string().min(1).optional(),
  ALBUMS_CAPTION_MODEL_DIR: z.string().min(1).optional(),
  ALBUMS_CAPTION_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL of an OpenAI-compatible API, e.g. http://100.x.y.z:11434/v1" }).optional(),
  ALBUMS_CAPTION_MODEL: z.string().min(1).default("llava"),
  ALBUMS_CAPTION_API_KEY: z.string().min(1).optional(),
  ALBUMS_ML_THREADS: z.coerce.number().int().min(1).max(16).default(1),
  ALBUMS_NOTIFY_NTFY: z.url({ protocol: /^https?$/, error: "must be the http(s) URL of a topic on your own ntfy server, e.g. http://100.64.0.9:8080/albums" }).optional(),
  ALBUMS_NOTIFY_WEBHOOK: z.url({ protocol: /^https?$/, error: "must be an http(s) URL on your tailnet that takes a JSON POST" }).optional(),
  ALBUMS_NOTIFY_SMTP: z.url({ protocol: /^smtps?$/, error: "must be your own mail server as smtp://user:password@host:587 (or smtps://…:465)" }).optional(),
  ALBUMS_NOTIFY_EMAIL_TO: z.email().optional(),
  ALBUMS_NOTIFY_EMAIL_FROM: z.email().optional(),
  ALBUMS_ENRICHMENT: z
    .string()
    .default(ENRICHMENT_KINDS.join(","))
    .transform((value) => (value.trim() === "none" ? [] : value.split(",").map((kind) => kind.trim()).filter(Boolean)))
    .pipe(z.array(z.enum(ENRICHMENT_KINDS, { error: `each must be one of ${ENRICHMENT_KINDS.join(", ")}` }))),
}).refine((e) => !e.ALBUMS_NOTIFY_SMTP || e.ALBUMS_NOTIFY_EMAIL_TO, {
  path: ["ALBUMS_NOTIFY_EMAIL_TO"],
  message: "required with ALBUMS_NOTIFY_SMTP: the address the notifications go to",
}).superRefine((e, ctx) => {
  // Notifications leave the box: their hosts must be admitted by the egress allowlist itself, never around it.
  const allow = parseAllowList(e.ALBUMS_EGRESS_ALLOW.split(","));
  for (const key of ["ALBUMS_NOTIFY_NTFY", "ALBUMS_NOTIFY_WEBHOOK", "ALBUMS_NOTIFY_SMTP"] as const) {
    const host = e[key] ? new URL(e[key]).hostname : null;
    if (host && !isAllowedDestination(host, allow)) {
      ctx.addIssue({ code: "custom", path: [key], message: `${host} is not in ALBUMS_EGRESS_ALLOW: add it there (a tailnet address or your own server's name) so Albums may reach it` });
    }
  }
}).refine((e) => !e.ALBUMS_IMPORT_DIR || !overlaps(path.resolve(e.ALBUMS_IMPORT_DIR), path.resolve(e.ALBUMS_DATA_DIR)), {
  path: ["ALBUMS_IMPORT_DIR"],
  message: "must be a folder apart from ALBUMS_DATA_DIR (neither inside the other)",
}).refine((e) => !e.ALBUMS_BACKUP_REPOSITORY || e.ALBUMS_BACKUP_PASSWORD_FILE, {
  path: ["ALBUMS_BACKUP_PASSWORD_FILE"],
  message: "required with ALBUMS_BACKUP_REPOSITORY: a file (mode 600) holding the restic repository password, e.g. `openssl rand -hex 32 > /etc/albums/restic-password` — keep a copy off this box, without it the backup cannot be read",
});

export type Config = {
  host: string;
  port: number;
  /** The share listener's port (guests of share links only; 0 = no share listener). */
  sharePort: number;
  /** Where guests reach the share listener (ALBUMS_SHARE_PUBLIC_URL, an origin), shown in the owner's share links; else Settings may set it. */
  sharePublicUrl: string | null;
  dataDir: string;
  databasePath: string;
  apiToken: string | undefined;
  owners: string[];
  maxUploadBytes: number;
  maxPixels: number;
  ffmpeg: string;
  ffprobe: string;
  /** Web-playable video renditions: longest side, encoder (hardware ones are the owner's choice) and the VAAPI/QSV render node. */
  video: { resolution: number; encoder: "software" | "vaapi" | "qsv"; device: string };
  workerConcurrency: number;
  /** How long a claimed job stays leased to its worker without renewal (a dead worker's jobs return after it). */
  jobLeaseMs: number;
  /** A worker whose event loop answers nothing for this long is killed and restarted by the supervisor. */
  workerStallMs: number;
  logLevel: "debug" | "info" | "warn" | "error";
  /** Days of log files kept in <data dir>/logs/. */
  logKeepDays: number;
  backupDir: string;
  backupKeep: number;
  /** Automatic backups by the worker (0 = off; `npm run backup` still works). */
  backupEveryHours: number;
  /** The off-box restic repository (sftp:/rest: on the tailnet), its password file and, for sftp, the command restic runs instead of `ssh host -s sftp` (e.g. with a dedicated key), or null. */
  backupRepository: { repository: string; passwordFile: string; sftpCommand?: string } | null;
  /** How often a backup target is re-read in full to verify it (0 = never; the Takeout verdict then never turns safe). */
  backupVerifyHours: number;
  /** Background bit-rot scrub budget (0 = off). */
  scrubBytesPerMinute: number;
  /** Trashed assets are purged this many days after trashing (0 = only when the owner empties the trash). */
  trashDays: number;
  /** The watched import folder (ALBUMS_IMPORT_DIR; null = off): complete new files are copied in, then moved to `imported/` when `move`. */
  importFolder: { dir: string; move: boolean; pollMs: number } | null;
  /** Previous contents kept per file of the Files tree when it is overwritten (older ones go to the trash). */
  fileVersions: number;
  /** Listening beyond loopback is refused unless this is set (and a passphrase exists). */
  allowLan: boolean;
  /** Extra Host names the server answers (besides loopback, the tailnet and, with allowLan, this machine's names); others get 421. */
  allowedHosts: string[];
  /** Absolute folders on the box that POST /api/imports may read Takeout parts from (besides uploaded parts). */
  importDirs: string[];
  /** External libraries indexed in place, never written (besides those added in settings; lib/libraries). */
  libraries: string[];
  /** How often the worker rescans each external library. */
  libraryScanMs: number;
  /** A request body that sends nothing for this long is cut (and a stalled resumable upload released). */
  requestIdleMs: number;
  /** Outbound connections other than loopback/allowed: blocked (default) or only counted. */
  egress: "block" | "count";
  /** Where outbound connections may go: the tailnet ranges by default, plus model endpoints. */
  egressAllow: string[];
  /** Model folders (never downloaded at run time; `npm run models:download` fills them). */
  models: { dir: string; faces: string; clip: string; captioner: string };
  /** Face models: "auto" runs the owner's YuNet + MobileFaceNet when both files are in models.faces, else face-api's (from npm). */
  facePipeline: "auto" | "face-api" | "yunet";
  /** The owner's own OpenAI-compatible/Ollama endpoint for captions (takes precedence over a local captioner). */
  captionEndpoint: { baseUrl: string; model: string; apiKey: string | undefined } | null;
  /** ONNX intra-op threads per model session (the worker also runs two jobs at once). */
  mlThreads: number;
  /** Which enrichment jobs new photos get (all by default; e.g. without OCR on a very slow box). */
  enrichment: EnrichmentKind[];
  /** Where the owner wants to hear about problems (none by default; each admitted by egressAllow). */
  notify: { ntfy: string | null; webhook: string | null; smtp: { url: string; to: string; from: string } | null };
};

/** True when one folder is the other or lies inside it. */
function overlaps(a: string, b: string): boolean {
  const inside = (dir: string, other: string) => {
    const rel = path.relative(dir, other);
    return !rel.startsWith("..") && !path.isAbsolute(rel);
  };
  return inside(a, b) || inside(b, a);
}

/** Thrown when the environment is invalid; lists every problem at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses and validates the environment once; reports all problems together. */
export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  const blankToUndefined = Object.fromEntries(
    Object.entries(env).map(([key, value]) => [key, value === "" ? undefined : value]),
  );
  const parsed = schema.safeParse(blankToUndefined);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.ALBUMS_DATA_DIR);
  const modelsDir = path.resolve(/*turbopackIgnore: true*/ e.ALBUMS_MODELS_DIR ?? path.join(dataDir, "models"));
  return {
    host: e.ALBUMS_HOST,
    port: e.ALBUMS_PORT,
    sharePort: e.ALBUMS_SHARE_PORT,
    sharePublicUrl: e.ALBUMS_SHARE_PUBLIC_URL ?? null,
    dataDir,
    databasePath: path.join(dataDir, "albums.db"),
    apiToken: e.ALBUMS_API_TOKEN,
    owners: e.ALBUMS_OWNER ? e.ALBUMS_OWNER.split(",") : [],
    maxUploadBytes: e.ALBUMS_MAX_UPLOAD_MB * 1024 * 1024,
    maxPixels: e.ALBUMS_MAX_PIXELS,
    ffmpeg: e.ALBUMS_FFMPEG,
    ffprobe: e.ALBUMS_FFPROBE,
    video: { resolution: Number(e.ALBUMS_VIDEO_RESOLUTION), encoder: e.ALBUMS_VIDEO_ENCODER, device: e.ALBUMS_VIDEO_DEVICE },
    workerConcurrency: e.ALBUMS_WORKER_CONCURRENCY,
    jobLeaseMs: e.ALBUMS_JOB_LEASE_SECONDS * 1000,
    workerStallMs: e.ALBUMS_WORKER_STALL_SECONDS * 1000,
    logLevel: e.ALBUMS_LOG_LEVEL,
    logKeepDays: e.ALBUMS_LOG_KEEP_DAYS,
    backupDir: path.resolve(e.ALBUMS_BACKUP_DIR),
    backupKeep: e.ALBUMS_BACKUP_KEEP,
    backupEveryHours: e.ALBUMS_BACKUP_EVERY_HOURS,
    backupRepository: e.ALBUMS_BACKUP_REPOSITORY
      ? { repository: e.ALBUMS_BACKUP_REPOSITORY, passwordFile: path.resolve(e.ALBUMS_BACKUP_PASSWORD_FILE!), ...(e.ALBUMS_BACKUP_SFTP_COMMAND ? { sftpCommand: e.ALBUMS_BACKUP_SFTP_COMMAND } : {}) }
      : null,
    backupVerifyHours: e.ALBUMS_BACKUP_VERIFY_HOURS,
    scrubBytesPerMinute: e.ALBUMS_SCRUB_MB_PER_MINUTE * 1024 * 1024,
    trashDays: e.ALBUMS_TRASH_DAYS,
    importFolder: e.ALBUMS_IMPORT_DIR ? { dir: path.resolve(/*turbopackIgnore: true*/ e.ALBUMS_IMPORT_DIR), move: e.ALBUMS_IMPORT_MOVE === "1", pollMs: e.ALBUMS_IMPORT_POLL_SECONDS * 1000 } : null,
    fileVersions: e.ALBUMS_FILE_VERSIONS,
    allowLan: e.ALBUMS_ALLOW_LAN === "1",
    allowedHosts: e.ALBUMS_ALLOWED_HOSTS.split(",").map((host) => host.trim().toLowerCase()).filter(Boolean),
    importDirs: e.ALBUMS_IMPORT_DIRS.split(",").map((dir) => dir.trim()).filter(Boolean).map((dir) => path.resolve(/*turbopackIgnore: true*/ dir)),
    libraries: e.ALBUMS_LIBRARIES,
    libraryScanMs: e.ALBUMS_LIBRARY_SCAN_MINUTES * 60_000,
    requestIdleMs: e.ALBUMS_REQUEST_IDLE_SECONDS * 1000,
    egress: e.ALBUMS_EGRESS,
    egressAllow: e.ALBUMS_EGRESS_ALLOW.split(",").map((entry) => entry.trim()).filter(Boolean),
    models: {
      dir: modelsDir,
      faces: path.resolve(/*turbopackIgnore: true*/ e.ALBUMS_FACE_MODEL_DIR ?? path.join(modelsDir, "faces")),
      clip: path.resolve(/*turbopackIgnore: true*/ e.ALBUMS_CLIP_MODEL_DIR ?? path.join(modelsDir, "clip-vit-base-patch32")),
      captioner: path.resolve(/*turbopackIgnore: true*/ e.ALBUMS_CAPTION_MODEL_DIR ?? path.join(modelsDir, "vit-gpt2-image-captioning")),
    },
    captionEndpoint: e.ALBUMS_CAPTION_URL ? { baseUrl: e.ALBUMS_CAPTION_URL, model: e.ALBUMS_CAPTION_MODEL, apiKey: e.ALBUMS_CAPTION_API_KEY } : null,
    facePipeline: e.ALBUMS_FACE_PIPELINE,
    mlThreads: e.ALBUMS_ML_THREADS,
    enrichment: e.ALBUMS_ENRICHMENT,
    notify: {
      ntfy: e.ALBUMS_NOTIFY_NTFY ?? null,
      webhook: e.ALBUMS_NOTIFY_WEBHOOK ?? null,
      smtp: e.ALBUMS_NOTIFY_SMTP ? { url: e.ALBUMS_NOTIFY_SMTP, to: e.ALBUMS_NOTIFY_EMAIL_TO!, from: e.ALBUMS_NOTIFY_EMAIL_FROM ?? `albums@${new URL(e.ALBUMS_NOTIFY_SMTP).hostname}` } : null,
    },
  };
}

let cached: Config | undefined;

/** The process-wide configuration (parsed on first use). */
export function getConfig(): Config {
  cached ??= parseConfig();
  return cached;
}
