// Client-side views of the API's JSON (the server types, with dates as strings).
export type { AssetDetail, AssetSummary } from "@/lib/assets/asset-dto";
export type { AlbumSummary } from "@/lib/albums/album-dto";
export type { AlbumDetail } from "@/lib/albums/get-album";
export type { SearchResult } from "@/lib/search/search-assets";
export type { PersonSummary } from "@/lib/people/list-people";
export type { CountryPlaces } from "@/lib/places/list-places";
export type { Memory } from "@/lib/memories/list-memories";
export type { LibraryStatus } from "@/lib/admin/get-library-status";
export type { JobKindProgress, JobFailure } from "@/lib/jobs/get-job-progress";
export type { IngestAuditRow } from "@/lib/audit/list-ingest-audit";
export type { ModelStatus } from "@/lib/ml/model-status";
export type { Health } from "@/lib/health/get-health";
export type { ProblemsReport } from "@/lib/health/get-problems";
export type { AssetView } from "@/lib/assets/asset-view";
export type { ShareLinkDto } from "@/lib/share-links/share-link-dto";
export type { DuplicateCopy, DuplicateGroupView } from "@/lib/duplicates/list-duplicates";
export type { ResolveUndo } from "@/lib/duplicates/resolve-duplicates";

/** The views shown as a timeline (documents have their own list). */
export type ShelfView = Exclude<import("@/lib/assets/asset-view").AssetView, "documents">;
