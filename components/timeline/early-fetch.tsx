import { headers } from "next/headers";
import type { ShelfView } from "../types";
import { earlyFetchScript } from "./early-fetch-script";
import { MONTH_PAGE } from "./timeline-layout";

/** A server-rendered inline script (with this response's CSP nonce) that starts the timeline's first requests before hydration. */
export async function EarlyTimelineFetch({ view, memories, answeredTz }: { view: ShelfView; memories: boolean; /** the offset at which the page already holds today's memories */ answeredTz?: number }) {
  const nonce = /'nonce-([^']+)'/.exec((await headers()).get("content-security-policy") ?? "")?.[1];
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: earlyFetchScript(view, { memories, answeredTz, pageSize: MONTH_PAGE }) }} />;
}
