/** 64-bit hashes as two parallel arrays of their high and low 32 bits (row i = one photo). */
export type HashTable = { hi: Uint32Array; lo: Uint32Array };

/** A hash table from 16-hex-digit hashes. */
export function hashTable(hexes: readonly string[]): HashTable {
  const hi = new Uint32Array(hexes.length);
  const lo = new Uint32Array(hexes.length);
  hexes.forEach((hex, i) => {
    hi[i] = Number.parseInt(hex.slice(0, 8), 16);
    lo[i] = Number.parseInt(hex.slice(8, 16), 16);
  });
  return { hi, lo };
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
}

const BANDS = 4;
const band = (hi: number, lo: number, b: number): number => (b === 0 ? hi >>> 16 : b === 1 ? hi & 0xffff : b === 2 ? lo >>> 16 : lo & 0xffff);

/** Every 16-bit mask with at most `radius` bits set. */
function masksWithin(radius: number): Int32Array {
  const masks: number[] = [];
  for (let m = 0; m < 1 << 16; m++) if (popcount(m) <= radius) masks.push(m);
  return Int32Array.from(masks);
}

/**
 * Every pair (i < j) of rows of `table` within `maxDistance` Hamming bits, and every pair where a
 * row's `probes` hash (e.g. the photo turned a quarter) is within `maxProbeDistance` of another row:
 * multi-index hashing on four 16-bit bands. Two hashes within d bits agree within ⌊d/4⌋ bits on at
 * least one band, so looking up each band's neighbours within that radius finds every pair (exact,
 * not approximate), touching a few thousand rows per photo instead of the whole library.
 */
export function hammingPairs(table: HashTable, maxDistance: number, probes: HashTable[] = [], maxProbeDistance = 0): [number, number, number][] {
  const count = table.hi.length;
  // One bucket list per band value (counting sort: start offsets, then rows).
  const starts: Int32Array[] = [];
  const rows: Int32Array[] = [];
  // Each bucket entry carries its hash too, so checking a candidate reads memory in order.
  const rowHi: Uint32Array[] = [];
  const rowLo: Uint32Array[] = [];
  for (let b = 0; b < BANDS; b++) {
    const start = new Int32Array((1 << 16) + 1);
    for (let i = 0; i < count; i++) start[band(table.hi[i]!, table.lo[i]!, b) + 1]!++;
    for (let v = 0; v < 1 << 16; v++) start[v + 1]! += start[v]!;
    const fill = start.slice(0, 1 << 16);
    const list = new Int32Array(count);
    const listHi = new Uint32Array(count);
    const listLo = new Uint32Array(count);
    for (let i = 0; i < count; i++) {
      const at = fill[band(table.hi[i]!, table.lo[i]!, b)]!++;
      list[at] = i;
      listHi[at] = table.hi[i]!;
      listLo[at] = table.lo[i]!;
    }
    starts.push(start);
    rows.push(list);
    rowHi.push(listHi);
    rowLo.push(listLo);
  }
  const seen = new Int32Array(count).fill(-1);
  const pairs: [number, number, number][] = [];
  const masks = masksWithin(Math.floor(maxDistance / BANDS));
  const probeMasks = masksWithin(Math.floor(maxProbeDistance / BANDS));
  for (let p = -1; p < probes.length; p++) {
    const query = p < 0 ? table : probes[p]!;
    const [limit, within] = p < 0 ? [maxDistance, masks] : [maxProbeDistance, probeMasks];
    for (let i = 0; i < count; i++) {
      const hi = query.hi[i]!;
      const lo = query.lo[i]!;
      const stamp = count * (p + 1) + i;
      // Pairs of the hash itself are found from their lower row only; turned hashes look everywhere.
      const lowest = p < 0 ? i + 1 : 0;
      for (let b = 0; b < BANDS; b++) {
        const value = band(hi, lo, b);
        const start = starts[b]!;
        const list = rows[b]!;
        const listHi = rowHi[b]!;
        const listLo = rowLo[b]!;
        for (let k = 0; k < within.length; k++) {
          const v = value ^ within[k]!;
          // A bucket lists its rows in ascending order: walked from the top, it stops at `lowest`.
          for (let q = start[v + 1]! - 1, first = start[v]!; q >= first; q--) {
            const j = list[q]!;
            if (j < lowest) break;
            const d = popcount(hi ^ listHi[q]!) + popcount(lo ^ listLo[q]!);
            if (d > limit || j === i || seen[j] === stamp) continue;
            seen[j] = stamp;
            pairs.push(i < j ? [i, j, d] : [j, i, d]);
          }
        }
      }
    }
  }
  return pairs;
}

/** The same pairs by comparing every row with every other (the baseline the benchmark prints). */
export function hammingPairsByScan(table: HashTable, maxDistance: number): [number, number, number][] {
  const pairs: [number, number, number][] = [];
  const { hi, lo } = table;
  for (let i = 0; i < hi.length; i++) {
    const a = hi[i]!;
    const b = lo[i]!;
    for (let j = i + 1; j < hi.length; j++) {
      const d = popcount(a ^ hi[j]!) + popcount(b ^ lo[j]!);
      if (d <= maxDistance) pairs.push([i, j, d]);
    }
  }
  return pairs;
}
