// `npm run duplicates:backfill`: computes the perceptual hash (near-duplicates) of every photo of the
// library named by ALBUMS_DATA_DIR that has a thumbnail but no hash yet — photos thumbnailed before
// hashes existed. Reads thumbnails only; safe beside a running Albums and safe to run again.
import "@/lib/server/install-egress-guard";
import { getConfig } from "@/lib/config";
import { backfillHashes } from "@/lib/duplicates/backfill-hashes";
import { getDb } from "@/lib/server/db";
import { libraryPaths } from "@/lib/server/paths";

const config = getConfig();
const db = await getDb();
const started = Date.now();
const { hashed, unreadable } = await backfillHashes(db, libraryPaths(config.dataDir, config.databasePath), (done) => console.log(`${done} photos…`));
console.log(`hashed ${hashed} photos in ${((Date.now() - started) / 1000).toFixed(1)} s${unreadable ? `; ${unreadable} thumbnails could not be read (the thumbnail job re-makes them)` : ""}`);
await db.$disconnect();
