import { spawn } from "node:child_process";

/**
 * An off-box restic repository (`sftp:`/`rest:` on the tailnet, or a path on another disk), its
 * password file and, for sftp, the command that speaks sftp on stdin/stdout instead of
 * `ssh host -s sftp` (e.g. `ssh -i /etc/albums/backup-key -o BatchMode=yes backup@100.64.0.7 -s sftp`).
 */
export type ResticRepository = { repository: string; passwordFile: string; sftpCommand?: string };

const NO_REPOSITORY = /Is there a repository at the following location\?/;

/**
 * Runs `restic <args>` against `repo` and resolves with its stdout; rejects with restic's own
 * message on a non-zero exit. The only place restic is spawned. It runs in a session of its own,
 * without a terminal and with stdin closed, so ssh fails at once instead of waiting for a password
 * nobody types (set up key authentication, see the README).
 */
export function runRestic(repo: ResticRepository, args: string[], cwd?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("restic", [...(repo.sftpCommand ? ["-o", `sftp.command=${repo.sftpCommand}`] : []), ...args], {
      cwd,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, RESTIC_REPOSITORY: repo.repository, RESTIC_PASSWORD_FILE: repo.passwordFile, RESTIC_PASSWORD: undefined, RESTIC_PASSWORD_COMMAND: undefined },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.once("error", (error: NodeJS.ErrnoException) => reject(error.code === "ENOENT" ? new Error("restic is not installed on this box (sudo apt install restic).") : error));
    child.once("close", (code, signal) => {
      if (code === 0) return resolve(Buffer.concat(out).toString("utf8"));
      const detail = Buffer.concat(err).toString("utf8").trim().split("\n").slice(-4).join(" ");
      reject(new Error(`restic ${args[0]} failed (exit ${code ?? signal}): ${detail}`));
    });
  });
}

/** Creates the repository on first use; an unreachable or locked one is an error, never re-initialised. */
export async function ensureResticRepository(repo: ResticRepository): Promise<void> {
  try {
    await runRestic(repo, ["cat", "config", "--quiet"]);
  } catch (error) {
    if (!NO_REPOSITORY.test((error as Error).message)) throw error;
    await runRestic(repo, ["init", "--quiet"]);
  }
}
