// Child process for the queue concurrency test: claims and completes jobs until none is left,
// printing the ids it got. Uses the library named by ALBUMS_DATA_DIR.
import { claimJob, completeJob } from "@/lib/queue/claim";
import { getDb } from "@/lib/server/db";

const workerId = process.argv[2] ?? "child";
const db = await getDb();
const got: number[] = [];
for (;;) {
  const job = await claimJob(db, workerId, 60_000, ["thumbnail"]);
  if (!job) break;
  got.push(job.id);
  await completeJob(db, job, workerId);
}
await db.$disconnect();
process.stdout.write(JSON.stringify(got));
