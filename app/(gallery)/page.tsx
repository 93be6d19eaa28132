import { cookies, headers } from "next/headers";
import { ShelfScreen } from "@/components/screens/shelf-screen";
import { EarlyTimelineFetch } from "@/components/timeline/early-fetch";
import { TZ_COOKIE } from "@/components/timeline/early-fetch-script";
import { FIRST_SCREEN_ITEMS, firstScreenData } from "@/components/timeline/first-screen";
import { memoryCards } from "@/components/timeline/memory-cards";
import { listAssets } from "@/lib/assets/list-assets";
import { identify } from "@/lib/http/api-route";
import { listMemories, memoriesQuery } from "@/lib/memories/list-memories";
import { getServerDeps } from "@/lib/server/deps";

/**
 * The Photos home. Today's memory cards and the newest photos of the timeline come with the HTML
 * (the first screen's largest image is a plain <img> that needs no JavaScript), read at the UTC
 * offset the browser last reported (a cookie), else the box's; the timeline starts from that page
 * instead of asking for it again. When they cannot be answered here (no identity, no library), the
 * page asks for them itself, as the early script does.
 */
export default async function PhotosPage() {
  const query = memoriesQuery.safeParse({ tz: (await cookies()).get(TZ_COOKIE)?.value ?? String(-new Date().getTimezoneOffset()) });
  const requestHeaders = new Headers(await headers());
  const answered = query.success
    ? await getServerDeps()
        .then(async (deps) => {
          if (!(await identify(requestHeaders, deps))) return undefined;
          const [memories, page] = await Promise.all([listMemories(deps.db, query.data), listAssets(deps.db, { view: "timeline", limit: FIRST_SCREEN_ITEMS })]);
          const { tz } = query.data;
          return { memories: { tz, cards: memoryCards(memories.memories) }, first: page.items.length > 0 ? firstScreenData(page, tz, requestHeaders.get("accept-language")) : undefined };
        })
        .catch(() => undefined)
    : undefined;
  return (
    <>
      <EarlyTimelineFetch view="timeline" memories seededTz={answered?.first?.tz} />
      <ShelfScreen view="timeline" memories={answered?.memories} first={answered?.first} />
    </>
  );
}
