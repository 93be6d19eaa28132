// Child process for the cross-process transaction test: upserts that Prisma runs as interactive
// read-then-write transactions (an empty update), interleaved with plain writes, many times.
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/server/db";

const db = await getDb();
const tag = process.argv[2]!;
for (let round = 0; round < 150; round += 1) {
  const sourceKey = `test:${round % 10}`;
  await db.album.upsert({ where: { sourceKey }, create: { id: randomUUID(), sourceKey, title: `Album ${round % 10}` }, update: {} });
  await db.setting.upsert({ where: { key: `loop.${tag}` }, create: { key: `loop.${tag}`, value: String(round) }, update: { value: String(round) } });
}
await db.$disconnect();
