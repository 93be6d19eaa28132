import { THUMBNAIL_ROUTE } from "@/lib/assets/thumbnail-route";
import { OWNER_ZIP_ROUTES } from "@/lib/downloads/owner-zip-routes";
import type { NodeRoute } from "@/lib/http/node-routes";

/** What scripts/serve.ts answers itself, after its host, path and header checks, instead of handing it to Next.js. */
export const BEFORE_NEXT_ROUTES: NodeRoute[] = [...OWNER_ZIP_ROUTES, THUMBNAIL_ROUTE];
