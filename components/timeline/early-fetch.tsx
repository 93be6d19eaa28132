import { requestNonce } from "../request-nonce";
import type { ShelfView } from "../types";
import { earlyFetchScript } from "./early-fetch-script";
import { MONTH_PAGE } from "./timeline-layout";

/** A server-rendered inline script (with this response's CSP nonce) that starts the timeline's first requests before hydration. */
export async function EarlyTimelineFetch({ view, memories, seededTz }: { view: ShelfView; memories: boolean; /** The page already holds the newest page read at this offset. */ seededTz?: number }) {
  return <script nonce={await requestNonce()} dangerouslySetInnerHTML={{ __html: earlyFetchScript(view, { memories, pageSize: MONTH_PAGE, seededTz }) }} />;
}
