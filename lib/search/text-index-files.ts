import fs from "node:fs";
import path from "node:path";
import type { SegmentData } from "./build-segment";

/**
 * What the worker last published: segments oldest first (the first `bases` from the last full
 * build, then deltas), and the change-feed position they cover.
 */
export type TextIndexManifest = { version: 1; seq: number; bases: number; segments: { file: string; docs: number }[]; builtAt: string };

export const MANIFEST = "manifest.json";


/** The published manifest, or null when none was written yet (or it is unreadable). */
export function readManifest(dir: string): TextIndexManifest | null {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), "utf8")) as TextIndexManifest;
    return manifest.version === 1 ? manifest : null;
  } catch {
    return null;
  }
}

export function readSegment(dir: string, file: string): SegmentData {
  return JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as SegmentData;
}

/** Writes a file whole or not at all (temp + rename): readers see the old or the new version. */
export function writeAtomically(dir: string, file: string, content: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${file}.${process.pid}.tmp`);
  fs.writeFileSync(temp, content);
  fs.renameSync(temp, path.join(dir, file));
}

/** Removes segment files the manifest no longer lists (after a merge), and stray temp files. */
export function removeUnlisted(dir: string, manifest: TextIndexManifest): void {
  const keep = new Set([MANIFEST, ...manifest.segments.map((s) => s.file)]);
  for (const entry of fs.readdirSync(dir)) if (!keep.has(entry)) fs.rmSync(path.join(dir, entry), { force: true });
}
