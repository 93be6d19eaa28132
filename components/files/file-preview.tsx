"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, getJson } from "../api";
import { formatBytes } from "../format";
import { buttonClass, primaryButtonClass } from "../states";
import type { AssetDetail } from "../types";
import type { TextPreview } from "@/lib/previews/read-text-preview";
import { MarkdownView } from "./markdown-view";

/** What a preview needs to know of a file: its asset, and the entry (for its name and download) when it is in the tree. */
export type PreviewTarget = { assetId: string; name: string; kind: string; mime: string; entryId?: string };

/** PDF pages rendered on the box, one at a time with Previous/Next. */
function PdfPages({ assetId, name, pages }: { assetId: string; name: string; pages: number | null }) {
  const [page, setPage] = useState(1);
  const [failed, setFailed] = useState<number | null>(null);
  return (
    <div className="space-y-2">
      {failed === page ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">Page {page} cannot be shown (is poppler-utils installed on the box?).</p>
      ) : (
        // eslint-disable-next-line @next/next/no-img-element -- a rendered page, served by the box with its own caching
        <img src={`/api/assets/${assetId}/pages/${page}`} alt={`Page ${page} of ${name}`} onError={() => setFailed(page)} className="mx-auto max-h-[70dvh] w-auto border border-slate-200 bg-white dark:border-slate-700" data-testid="pdf-page" />
      )}
      <div className="flex items-center justify-center gap-2 text-sm">
        <button type="button" className={buttonClass} disabled={page <= 1} onClick={() => setPage(page - 1)}>Previous page</button>
        <span aria-live="polite">Page {page}{pages ? ` of ${pages}` : ""}</span>
        <button type="button" className={buttonClass} disabled={pages !== null && page >= pages} onClick={() => setPage(page + 1)}>Next page</button>
      </div>
    </div>
  );
}

/** A text file's content or a document's extracted text (escaped; Markdown formatted). */
function TextBody({ assetId }: { assetId: string }) {
  const { data, error } = useQuery({ queryKey: ["asset-text", assetId], queryFn: () => getJson<TextPreview>(`/api/assets/${assetId}/text`), retry: false });
  if (error) return <p className="text-sm text-slate-600 dark:text-slate-300">{error instanceof ApiError && error.status === 404 ? "No preview for this file; download it to open it." : (error as Error).message}</p>;
  if (!data) return <div className="h-32 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />;
  return (
    <div className="max-h-[70dvh] overflow-auto rounded bg-slate-50 p-3 dark:bg-slate-900" data-testid="text-preview">
      {data.source === "extracted" ? <p className="mb-2 text-xs text-slate-600 dark:text-slate-300">Text read from the document</p> : null}
      {data.format === "markdown" ? <MarkdownView source={data.text} /> : <pre className="whitespace-pre-wrap break-words font-mono text-xs">{data.text}</pre>}
      {data.truncated ? <p className="mt-2 text-xs text-slate-600 dark:text-slate-300">Only the beginning is shown; download the file for all of it.</p> : null}
    </div>
  );
}

function Body({ target, detail }: { target: PreviewTarget; detail: AssetDetail | undefined }) {
  if (target.kind === "photo") {
    // eslint-disable-next-line @next/next/no-img-element -- the box's own thumbnail
    return <img src={`/api/assets/${target.assetId}/thumbnail?size=md`} alt={target.name} className="mx-auto max-h-[70dvh] w-auto" />;
  }
  if (target.kind === "video") {
    if (!detail) return <div className="h-48 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />;
    return (
      <video controls preload="metadata" className="mx-auto max-h-[70dvh] w-full" poster={detail.thumbnails.md ? `/api/assets/${target.assetId}/thumbnail?size=md` : undefined}>
        {detail.playback.map((source) => <source key={source.url} src={source.url} type={source.type} />)}
      </video>
    );
  }
  if (target.mime === "application/pdf") return <PdfPages assetId={target.assetId} name={target.name} pages={detail?.document?.pageCount ?? null} />;
  return <TextBody assetId={target.assetId} />;
}

/** The preview of a file: PDF pages, photo, video, text/Markdown, or an Office file's text; with Download. */
export function FilePreview({ target, onClose }: { target: PreviewTarget; onClose?: () => void }) {
  const { data: detail } = useQuery({ queryKey: ["asset", target.assetId], queryFn: () => getJson<AssetDetail>(`/api/assets/${target.assetId}`) });
  const download = target.entryId ? `/api/files/entries/${target.entryId}/content` : `/api/assets/${target.assetId}/original?download=1`;
  return (
    <section aria-label={`Preview of ${target.name}`} className="space-y-3" data-testid="file-preview">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 className="break-all font-semibold">{target.name}</h2>
          <p className="text-sm text-slate-600 dark:text-slate-300">{detail ? formatBytes(detail.size) : "…"}{detail?.document?.pageCount ? ` · ${detail.document.pageCount} pages` : ""}</p>
        </div>
        {onClose ? <button type="button" className={buttonClass} onClick={onClose}>Close</button> : null}
      </div>
      <Body target={target} detail={detail} />
      <a href={download} download className={primaryButtonClass}>Download</a>
    </section>
  );
}
