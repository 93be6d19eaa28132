import { cookies, headers } from "next/headers";
import { ShelfScreen } from "@/components/screens/shelf-screen";
import { EarlyTimelineFetch } from "@/components/timeline/early-fetch";
import { TZ_COOKIE } from "@/components/timeline/early-fetch-script";
import { memoryCards } from "@/components/timeline/memory-cards";
import { identify } from "@/lib/http/api-route";
import { listMemories, memoriesQuery } from "@/lib/memories/list-memories";
import { getServerDeps } from "@/lib/server/deps";

/**
 * The Photos home. Today's memory cards come with the HTML (a memory card is a phone's largest
 * image on the first screen), at the UTC offset the browser last reported (a cookie), else the
 * box's; their photos come with the memories request the page's early script starts (and when the
 * cards cannot be answered here, no identity or no library, the page waits for that request).
 */
export default async function PhotosPage() {
  const query = memoriesQuery.safeParse({ tz: (await cookies()).get(TZ_COOKIE)?.value ?? String(-new Date().getTimezoneOffset()) });
  const requestHeaders = new Headers(await headers());
  const memories = query.success
    ? await getServerDeps()
        .then(async (deps) => ((await identify(requestHeaders, deps)) ? { tz: query.data.tz, cards: memoryCards((await listMemories(deps.db, query.data)).memories) } : undefined))
        .catch(() => undefined)
    : undefined;
  return (
    <>
      <EarlyTimelineFetch view="timeline" memories />
      <ShelfScreen view="timeline" memories={memories} />
    </>
  );
}
