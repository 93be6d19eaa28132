import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { walkLibrary } from "./walk-library";

const root = await fs.mkdtemp(path.join(os.tmpdir(), "walk-library-"));
afterAll(() => fs.rm(root, { recursive: true, force: true }));

async function list(cursor: string | null): Promise<string[]> {
  const out: string[] = [];
  for await (const file of walkLibrary(root, cursor, () => {})) out.push(file.sidecar ? `${file.relPath} + ${file.sidecar}` : file.relPath);
  return out;
}

describe("walkLibrary", () => {
  it("lists files depth-first in a stable order, resumes after a cursor, skips hidden names, sidecars (named by their photo) and symlinks", async () => {
    for (const rel of ["a/x.jpg", "a/x.jpg.xmp", "a-b.jpg", "b/c/d.jpg", "b/e.jpg", ".hidden/f.jpg", "z.jpg"]) {
      await fs.mkdir(path.dirname(path.join(root, rel)), { recursive: true });
      await fs.writeFile(path.join(root, rel), rel);
    }
    await fs.symlink("/etc", path.join(root, "link"));
    const all = await list(null);
    expect(all).toEqual(["a/x.jpg + a/x.jpg.xmp", "a-b.jpg", "b/c/d.jpg", "b/e.jpg", "z.jpg"]);
    for (let i = 0; i < all.length; i += 1) expect(await list(all[i]!.split(" + ")[0]!)).toEqual(all.slice(i + 1));
  });
});
