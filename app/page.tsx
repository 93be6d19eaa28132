import { getConfig } from "@/lib/config";
import Link from "next/link";
import { RecentThumbnails } from "@/app/_pwa/recent-thumbnails";
import { getHealth } from "@/lib/health/get-health";
import { getDb } from "@/lib/server/db";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const health = await getHealth(await getDb(), getConfig(), packageJson.version);
  return (
    <main className="mx-auto max-w-2xl p-6">
      <h1 className="text-2xl font-semibold">Albums</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        Your library is running. Photos arrive through <code>POST /api/ingest</code>; the gallery comes next.
      </p>
      <dl className="mt-6 grid grid-cols-2 gap-2 text-sm">
        <dt>Database</dt>
        <dd>{health.db}</dd>
        <dt>Worker</dt>
        <dd>{health.worker.alive ? "running" : "not running"}</dd>
        <dt>Jobs waiting</dt>
        <dd>{health.jobs.pending}</dd>
        <dt>Jobs failed</dt>
        <dd>{health.jobs.failed}</dd>
      </dl>
      <p className="mt-6">
        <Link href="/upload" className="text-sky-600 underline">
          Upload photos and see the upload queue
        </Link>
      </p>
      <RecentThumbnails />
    </main>
  );
}
