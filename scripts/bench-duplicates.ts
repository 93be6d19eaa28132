// `npm run bench:duplicates [-- <count, default 100000>]`: first, on real photos from the shared
// fixtures, how far pHash and dHash move under re-encoding, resizing, editing, slight cropping and
// rotation against how close two different photos come (why pHash). Then it groups a synthetic
// library of pHashes — real fixture hashes as scene prototypes, each photo a prototype with 12–24
// bits changed (similar scenes, not copies), 15 % of them near-copies of another photo within 0–10
// bits, plus quarter-turned copies — with the multi-index lookup the Duplicates screen uses (the
// pairs and union-find, in ms), beside a bare pairwise Hamming scan of the same hashes in the same
// run, and checks that both find the same pairs.
import "@/lib/server/install-egress-guard";
import { randomInt } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import sharp, { type Sharp } from "sharp";
import { HASH_DISTANCE, TURNED_DISTANCE } from "@/lib/duplicates/find-duplicate-groups";
import { hammingPairs, hammingPairsByScan, hashTable, popcount, type HashTable } from "@/lib/duplicates/hamming-pairs";
import { perceptualHash } from "@/lib/media/perceptual-hash";
import { sharedPath } from "@/tests/support/shared";

const COUNT = Number(process.argv[2] ?? 100_000);
const distance = (a: string, b: string) => popcount(Number.parseInt(a.slice(0, 8), 16) ^ Number.parseInt(b.slice(0, 8), 16)) + popcount(Number.parseInt(a.slice(8), 16) ^ Number.parseInt(b.slice(8), 16));

/** dHash (9×8 horizontal gradients), only for the comparison. */
async function dHash(image: Sharp): Promise<string> {
  const px = await image.clone().greyscale().resize(9, 8, { fit: "fill" }).raw().toBuffer();
  let hex = "";
  for (let n = 0; n < 16; n++) {
    let v = 0;
    for (let b = 0; b < 4; b++) {
      const i = n * 4 + b;
      v = (v << 1) | (px[Math.floor(i / 8) * 9 + (i % 8)]! < px[Math.floor(i / 8) * 9 + (i % 8) + 1]! ? 1 : 0);
    }
    hex += v.toString(16);
  }
  return hex;
}

const VARIANTS: Record<string, (s: Sharp, w: number, h: number) => Sharp> = {
  "resized to 480 px": (s) => s.resize(480),
  "JPEG quality 30": (s) => s.jpeg({ quality: 30 }),
  "WebP quality 60": (s) => s.webp({ quality: 60 }),
  "brighter, more saturated": (s) => s.modulate({ brightness: 1.15, saturation: 1.3 }),
  "cropped 2 % each side": (s, w, h) => s.extract({ left: Math.round(w * 0.02), top: Math.round(h * 0.02), width: Math.round(w * 0.96), height: Math.round(h * 0.96) }),
  "turned 90° (turned hash)": (s) => s.rotate(90),
};

async function measureFixtures(): Promise<string[]> {
  const dirs = [["scenes"], ["photos", "jpg", "gps"], ["faces"], ["text"]];
  const files = dirs.flatMap((d) => fs.readdirSync(sharedPath("fixtures", ...d)).filter((f) => /\.(jpe?g|png)$/i.test(f)).map((f) => path.join(sharedPath("fixtures", ...d), f)));
  const base: { p: string; d: string }[] = [];
  const worst: Record<string, { p: number; d: number }> = {};
  for (const file of files) {
    const { data, info } = await sharp(file).rotate().jpeg({ quality: 92 }).toBuffer({ resolveWithObject: true });
    const ph = await perceptualHash(sharp(data));
    base.push({ p: ph.hash, d: await dHash(sharp(data)) });
    for (const [name, make] of Object.entries(VARIANTS)) {
      const copy = sharp(await make(sharp(data), info.width, info.height).toBuffer());
      const p = name.startsWith("turned") ? distance((await perceptualHash(copy)).hash, ph.turned[0]) : distance((await perceptualHash(copy)).hash, ph.hash);
      const d = distance(await dHash(copy), base.at(-1)!.d);
      const w = (worst[name] ??= { p: 0, d: 0 });
      worst[name] = { p: Math.max(w.p, p), d: Math.max(w.d, d) };
    }
  }
  let closest = { p: 64, d: 64 };
  for (let i = 0; i < base.length; i++) for (let j = i + 1; j < base.length; j++) closest = { p: Math.min(closest.p, distance(base[i]!.p, base[j]!.p)), d: Math.min(closest.d, distance(base[i]!.d, base[j]!.d)) };
  return [
    `${files.length} real photos; worst distance (bits of 64) of a copy from its photo, pHash / dHash:`,
    ...Object.entries(worst).map(([name, w]) => `  ${name.padEnd(28)} ${String(w.p).padStart(2)} / ${String(w.d).padStart(2)}${name.startsWith("turned") ? " (dHash has no turned hash)" : ""}`),
    `  closest two different photos   ${String(closest.p).padStart(2)} / ${String(closest.d).padStart(2)}`,
    `  thresholds in use: ${HASH_DISTANCE} bits, ${TURNED_DISTANCE} for a turned copy`,
  ];
}

function flip(hex: string, bits: number): string {
  let hi = Number.parseInt(hex.slice(0, 8), 16);
  let lo = Number.parseInt(hex.slice(8), 16);
  const chosen = new Set<number>();
  while (chosen.size < bits) chosen.add(randomInt(64));
  for (const b of chosen) if (b < 32) hi ^= 1 << b; else lo ^= 1 << (b - 32);
  return (hi >>> 0).toString(16).padStart(8, "0") + (lo >>> 0).toString(16).padStart(8, "0");
}

async function syntheticLibrary(count: number): Promise<{ table: HashTable; turned: HashTable[] }> {
  const dirs = [["scenes"], ["labeled"], ["photos", "jpg", "gps"], ["faces"]];
  const prototypes = [];
  for (const d of dirs) for (const f of fs.readdirSync(sharedPath("fixtures", ...d)).filter((n) => /\.(jpe?g|png)$/i.test(n))) prototypes.push(await perceptualHash(sharp(path.join(sharedPath("fixtures", ...d), f)).rotate()));
  const hashes: string[] = [];
  const turned: string[][] = [[], [], []];
  for (let i = 0; i < count; i++) {
    const copyOf = i > 0 && randomInt(100) < 15 ? randomInt(i) : -1;
    const proto = prototypes[randomInt(prototypes.length)]!;
    const turnCopy = copyOf >= 0 && randomInt(10) === 0;
    const hash = copyOf < 0 ? flip(proto.hash, 12 + randomInt(13)) : turnCopy ? flip(turned[0]![copyOf]!, randomInt(6)) : flip(hashes[copyOf]!, randomInt(11));
    hashes.push(hash);
    // The turned hashes of a synthetic photo: its prototype's, moved as far as the photo moved.
    for (let t = 0; t < 3; t++) turned[t]!.push(flip(proto.turned[t]!, 12 + randomInt(13)));
  }
  return { table: hashTable(hashes), turned: turned.map(hashTable) };
}

function groupCount(count: number, pairs: [number, number, number][]): number {
  const parent = Int32Array.from({ length: count }, (_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (const [a, b] of pairs) parent[root(b)] = root(a);
  const sizes = new Map<number, number>();
  for (let i = 0; i < count; i++) sizes.set(root(i), (sizes.get(root(i)) ?? 0) + 1);
  return [...sizes.values()].filter((s) => s > 1).length;
}

for (const line of await measureFixtures()) console.log(line);
const { table, turned } = await syntheticLibrary(COUNT);
const timed = <T>(fn: () => T): [T, number] => {
  const start = performance.now();
  const result = fn();
  return [result, performance.now() - start];
};
const [pairs, indexMs] = timed(() => hammingPairs(table, HASH_DISTANCE, turned, TURNED_DISTANCE));
const [groups, unionMs] = timed(() => groupCount(COUNT, pairs));
const [plain, plainMs] = timed(() => hammingPairs(table, HASH_DISTANCE));
const [scanned, scanMs] = timed(() => hammingPairsByScan(table, HASH_DISTANCE));
const key = (p: [number, number, number][]) => p.map((x) => `${x[0]},${x[1]}`).sort().join(" ");
console.log(`\n${COUNT} synthetic pHashes (${plain.length} pairs within ${HASH_DISTANCE} bits, ${pairs.length - plain.length} more from turned copies; ${groups} groups):`);
console.log(`  multi-index, with turned copies, + union-find: ${Math.round(indexMs + unionMs)} ms`);
console.log(`  multi-index, upright only:                     ${Math.round(plainMs)} ms`);
console.log(`  bare pairwise Hamming scan, upright only:      ${Math.round(scanMs)} ms (${(scanMs / plainMs).toFixed(1)}× slower)`);
console.log(`  same pairs as the scan: ${key(plain) === key(scanned) ? "yes" : "NO"}`);
