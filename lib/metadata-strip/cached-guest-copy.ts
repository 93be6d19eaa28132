import { BLANKING_VERSION } from "./plan-blanking";
import { planGuestCopy, type GuestCopy } from "./plan-guest-copy";
import type { Patch } from "./patches";

/** Bytes of plans kept per library (a photo's plan, compacted, is a few hundred bytes). */
const LIMIT = 8 * 1024 * 1024;
/** What a plan costs beside its patches' bytes (the map entry, the objects). */
const OVERHEAD = 200;

type Plans = { copies: Map<string, { copy: GuestCopy; cost: number }>; bytes: number };
const libraries = new WeakMap<object, Plans>();

/**
 * A guest's copy of an original (planGuestCopy), remembered per library (`library`: its database
 * handle) by content hash, blanking version and Motion-Photo flag, the least recently used
 * forgotten past a few MiB: a second guest download of the same photos does not parse their
 * metadata again. Originals are named by their hash (a library file is re-hashed when it
 * changes), so the plan of a hash does not change while BLANKING_VERSION does not.
 */
export async function cachedGuestCopy(library: object, asset: { sha256: string; mimeType: string; motionPhoto?: boolean }, file: string, size: number): Promise<GuestCopy> {
  let plans = libraries.get(library);
  if (!plans) libraries.set(library, (plans = { copies: new Map(), bytes: 0 }));
  const key = `${asset.sha256} ${BLANKING_VERSION} ${asset.motionPhoto === true} ${size}`;
  const known = plans.copies.get(key);
  if (known) {
    plans.copies.delete(key); // to the back: most recently used
    plans.copies.set(key, known);
    return known.copy;
  }
  const planned = await planGuestCopy(file, size, asset.mimeType, asset.motionPhoto === true);
  const copy = { size: planned.size, patches: planned.patches.flatMap(compact) };
  const cost = OVERHEAD + copy.patches.reduce((sum, p) => sum + 32 + (p.bytes?.length ?? 0), 0);
  plans.copies.set(key, { copy, cost });
  plans.bytes += cost;
  for (const [oldest, entry] of plans.copies) {
    if (plans.bytes <= LIMIT) break;
    plans.copies.delete(oldest);
    plans.bytes -= entry.cost;
  }
  return copy;
}

/** The same bytes with less held: replacement bytes that end in zeros (a minimal Exif block padded to its old length) become bytes + a blank. */
function compact(patch: Patch): Patch[] {
  if (!patch.bytes) return [patch];
  let last = patch.bytes.length - 1;
  while (last >= 0 && patch.bytes[last] === 0) last--;
  if (last === patch.bytes.length - 1) return [patch];
  const kept = { offset: patch.offset, length: last + 1, bytes: Buffer.from(patch.bytes.subarray(0, last + 1)) };
  const zeros = { offset: patch.offset + last + 1, length: patch.length - last - 1 };
  return last < 0 ? [zeros] : [kept, zeros];
}
