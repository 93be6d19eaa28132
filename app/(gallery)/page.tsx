import { cookies, headers } from "next/headers";
import { ShelfScreen } from "@/components/screens/shelf-screen";
import { EarlyTimelineFetch } from "@/components/timeline/early-fetch";
import { TZ_COOKIE } from "@/components/timeline/early-fetch-script";
import { identify } from "@/lib/http/api-route";
import { listMemories, memoriesQuery } from "@/lib/memories/list-memories";
import { getServerDeps } from "@/lib/server/deps";

/**
 * The Photos home. Today's memories come with the HTML (a memory card is a phone's largest image
 * on the first screen), at the UTC offset the browser last reported (a cookie), else the box's;
 * when they cannot be answered here (no identity, no library), the page asks for them itself.
 */
export default async function PhotosPage() {
  const query = memoriesQuery.safeParse({ tz: (await cookies()).get(TZ_COOKIE)?.value ?? String(-new Date().getTimezoneOffset()) });
  const requestHeaders = new Headers(await headers());
  const memories = query.success
    ? await getServerDeps()
        .then(async (deps) => ((await identify(requestHeaders, deps)) ? { tz: query.data.tz, answer: await listMemories(deps.db, query.data) } : undefined))
        .catch(() => undefined)
    : undefined;
  return (
    <>
      <EarlyTimelineFetch view="timeline" memories answeredTz={memories?.tz} />
      <ShelfScreen view="timeline" memories={memories} />
    </>
  );
}
