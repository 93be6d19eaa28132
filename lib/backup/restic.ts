import { execFile } from "node:child_process";

/**
 * An off-box restic repository (`sftp:`/`rest:` on the tailnet, or a path on another disk), its
 * password file and, for sftp, the command that speaks sftp on stdin/stdout instead of
 * `ssh host -s sftp` (e.g. `ssh -i /etc/albums/backup-key -o BatchMode=yes backup@100.64.0.7 -s sftp`).
 */
export type ResticRepository = { repository: string; passwordFile: string; sftpCommand?: string };

const NO_REPOSITORY = /Is there a repository at the following location\?/;

/**
 * Runs `restic <args>` against `repo` (stdin closed so ssh cannot prompt) and resolves with its
 * stdout; rejects with restic's own message on a non-zero exit. The only place restic is spawned.
 */
export function runRestic(repo: ResticRepository, args: string[], cwd?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      "restic",
      [...(repo.sftpCommand ? ["-o", `sftp.command=${repo.sftpCommand}`] : []), ...args],
      { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, RESTIC_REPOSITORY: repo.repository, RESTIC_PASSWORD_FILE: repo.passwordFile, RESTIC_PASSWORD: undefined, RESTIC_PASSWORD_COMMAND: undefined } },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const detail = (stderr || error.message).trim().split("\n").slice(-4).join(" ");
        reject(new Error(`restic ${args[0]} failed (exit ${String(error.code)}): ${detail}`, { cause: error }));
      },
    );
    child.stdin?.end();
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
