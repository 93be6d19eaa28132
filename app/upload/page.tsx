import type { Metadata } from "next";
import { UploadScreen } from "./upload-screen";

export const metadata: Metadata = { title: "Upload · Albums" };

type Search = { shared?: string; received?: string; shareError?: string };

/** What the share target reports on arrival: queued by the service worker, or ingested by the server. */
function shareNotice(search: Search): string | null {
  const lines: string[] = [];
  if (search.shared) lines.push(`${search.shared} shared file(s) added to the upload queue.`);
  if (search.received) lines.push(`${search.received} shared file(s) received by the box.`);
  if (search.shareError) lines.push(search.shareError);
  return lines.length ? lines.join("\n") : null;
}

export default async function UploadPage({ searchParams }: { searchParams: Promise<Search> }) {
  return <UploadScreen notice={shareNotice(await searchParams)} />;
}
