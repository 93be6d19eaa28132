import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** One change to the host, planned first so a dry run can show (and a test can check) all of them. */
export type HostStep =
  | { kind: "write"; path: string; content: string; mode: number; /** Leave an existing file as it is (the owner's edits win). */ keep?: boolean }
  | { kind: "mkdir"; path: string; mode: number }
  | { kind: "remove"; path: string }
  | { kind: "run"; argv: string[]; /** Why, for the dry run's listing. */ why: string; /** A failure is reported and ignored. */ optional?: boolean };

export type ApplyOptions = {
  /** Write files under this folder instead of `/` and run no command (dry run, tests). */
  root?: string;
  say: (line: string) => void;
};

/**
 * Applies planned host steps in order. With `root` the files land under it and every command is
 * only listed; without it commands run with inherited output and a failing one throws (unless optional).
 * Never touches the data dir's contents: `remove` is for files this tool wrote (the unit file).
 */
export function applyHostSteps(steps: HostStep[], options: ApplyOptions): void {
  const at = (file: string) => (options.root ? path.join(options.root, file) : file);
  for (const step of steps) {
    if (step.kind === "mkdir") {
      fs.mkdirSync(at(step.path), { recursive: true, mode: step.mode });
      options.say(`folder   ${step.path}`);
    } else if (step.kind === "write") {
      const target = at(step.path);
      if (step.keep && fs.existsSync(target)) {
        options.say(`kept     ${step.path} (exists; edit it by hand)`);
        continue;
      }
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, step.content, { mode: step.mode });
      fs.chmodSync(target, step.mode);
      options.say(`wrote    ${step.path}`);
    } else if (step.kind === "remove") {
      const existed = fs.existsSync(at(step.path));
      fs.rmSync(at(step.path), { force: true });
      options.say(`${existed ? "removed " : "absent  "} ${step.path}`);
    } else if (options.root) {
      options.say(`would run ${step.argv.join(" ")}   # ${step.why}`);
    } else {
      options.say(`running  ${step.argv.join(" ")}   # ${step.why}`);
      const result = spawnSync(step.argv[0]!, step.argv.slice(1), { stdio: "inherit" });
      const failed = result.error ?? (result.status !== 0 ? new Error(`exit ${result.status ?? result.signal}`) : null);
      if (failed && !step.optional) throw new Error(`\`${step.argv.join(" ")}\` failed: ${failed.message}`);
      if (failed) options.say(`         (failed, ignored: ${failed.message})`);
    }
  }
}
