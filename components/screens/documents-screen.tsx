"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { getJson, qs } from "../api";
import { FilePreview } from "../files/file-preview";
import { Icon } from "../icons";
import { buttonClass, EmptyState, ErrorState, GridSkeleton, inputClass, primaryButtonClass, ScreenHeader } from "../states";
import type { AssetSummary, SearchResult } from "../types";

/**
 * Every PDF, office and other file of the library, wherever it is filed (the Files area shows the
 * folders): a list (newest first) or search results inside their text, with the Files preview.
 */
export function DocumentsScreen() {
  const [q, setQ] = useState("");
  const [text, setText] = useState("");
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useInfiniteQuery({
    queryKey: ["documents", q],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }): Promise<{ items: AssetSummary[]; nextCursor: string | null }> =>
      q ? getJson<SearchResult>(`/api/search${qs({ q, kind: "document", limit: 50, cursor: pageParam })}`) : getJson(`/api/assets${qs({ view: "documents", limit: 100, cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const opened = items.find((doc) => doc.id === openId);
  return (
    <>
      <ScreenHeader title="Documents">
        <Link prefetch={false} href="/files" className={buttonClass}><Icon name="folder" className="h-4 w-4" />Files</Link>
      </ScreenHeader>
      <form role="search" className="flex gap-2 px-4 pb-3" onSubmit={(e) => { e.preventDefault(); setQ(text.trim()); setOpenId(null); }}>
        <label htmlFor="doc-search" className="sr-only">Search inside documents</label>
        <input id="doc-search" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Search inside PDFs and office files" className={`${inputClass} min-w-0 flex-1 rounded-full px-4`} />
        <button type="submit" className={primaryButtonClass}>Search</button>
      </form>
      {list.error ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} />
      ) : !list.data ? (
        <GridSkeleton count={6} />
      ) : items.length === 0 ? (
        <EmptyState icon="documents" title={q ? "No document matched" : "No documents yet"}>{q ? "Try other words." : "PDFs, Word, Excel and PowerPoint files you upload or import from Google Drive are listed here, with their text searchable."}</EmptyState>
      ) : (
        <div className="gap-4 px-4 pb-8 md:grid md:grid-cols-[1fr_24rem]">
          <ul className="divide-y divide-slate-200 dark:divide-slate-700" aria-label="Documents">
            {items.map((doc) => (
              <li key={doc.id}>
                <button type="button" aria-expanded={openId === doc.id} onClick={() => setOpenId(openId === doc.id ? null : doc.id)} className="flex w-full items-center gap-3 py-2 text-left hover:bg-slate-50 dark:hover:bg-slate-900">
                  <Icon name="documents" className="h-6 w-6 shrink-0 text-slate-600 dark:text-slate-300" />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-medium">{doc.name}</span>
                    <span className="block text-xs text-slate-600 dark:text-slate-300">{new Date(doc.capturedAt).toLocaleDateString()} · {doc.mimeType}</span>
                  </span>
                </button>
                {openId === doc.id ? <div className="md:hidden"><DocumentPreview doc={doc} /></div> : null}
              </li>
            ))}
          </ul>
          <div className="hidden md:block">{opened ? <DocumentPreview doc={opened} /> : <p className="text-sm text-slate-600 dark:text-slate-300">Pick a document to preview it.</p>}</div>
          {list.hasNextPage ? <button type="button" className={buttonClass} onClick={() => void list.fetchNextPage()}>More</button> : null}
        </div>
      )}
    </>
  );
}

function DocumentPreview({ doc }: { doc: AssetSummary }) {
  return (
    <div className="sticky top-16 rounded-xl border border-slate-200 p-3 dark:border-slate-700" data-testid="document-preview">
      <FilePreview target={{ assetId: doc.id, name: doc.name, kind: doc.kind, mime: doc.mimeType }} />
    </div>
  );
}
