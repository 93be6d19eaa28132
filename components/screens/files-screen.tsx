"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRef, useState } from "react";
import { getJson, qs, sendJson } from "../api";
import { FilePreview, type PreviewTarget } from "../files/file-preview";
import { FilesList, type RowAction, type RowItem } from "../files/files-list";
import { FolderPicker } from "../files/folder-picker";
import { NameDialog } from "../files/name-dialog";
import { droppedFiles, pickedFiles, uploadToFolder, type PickedFile } from "../files/upload-to-folder";
import { VersionsDialog } from "../files/versions-dialog";
import { StatusToast, type Status } from "../grid/status-toast";
import { Icon } from "../icons";
import { buttonClass, EmptyState, ErrorState, inputClass, primaryButtonClass } from "../states";
import type { SearchResult } from "../types";
import type { FolderView } from "@/lib/file-browser/folder-view";

type Dialog = { type: "new-folder" } | { type: RowAction; row: RowItem } | null;
type Upload = { path: string; size: number; sent: number; state: "waiting" | "uploading" | "done" | "failed"; error?: string };

const apiPath = (row: RowItem) => `/api/files/${row.type === "folder" ? "folders" : "entries"}/${row.item.id}`;

/** The Files area: one folder's folders and files, with upload (files, folders, drag and drop), preview, search within, ZIP. */
export function FilesScreen({ folderId }: { folderId: string | null }) {
  const client = useQueryClient();
  const here = folderId ?? "root";
  const view = useQuery({ queryKey: ["files", here], queryFn: () => getJson<FolderView>(`/api/files/folders/${here}`) });
  const [preview, setPreview] = useState<PreviewTarget | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [status, setStatus] = useState<Status>("");
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const search = useQuery({ queryKey: ["files-search", here, q], enabled: q !== "", queryFn: () => getJson<SearchResult>(`/api/search${qs({ q, folder: here, limit: 50 })}`) });
  const refresh = () => client.invalidateQueries({ queryKey: ["files"] });

  const upload = async (picked: PickedFile[]) => {
    if (picked.length === 0) return;
    setUploads(picked.map((p) => ({ path: p.path, size: p.file.size, sent: 0, state: "waiting" })));
    const patch = (i: number, change: Partial<Upload>) => setUploads((all) => all.map((u, j) => (j === i ? { ...u, ...change } : u)));
    let failed = 0;
    for (const [i, item] of picked.entries()) {
      patch(i, { state: "uploading" });
      try {
        await uploadToFolder(item, folderId, (sent) => patch(i, { sent }));
        patch(i, { state: "done", sent: item.file.size });
      } catch (error) {
        failed += 1;
        patch(i, { state: "failed", error: (error as Error).message });
      }
    }
    await refresh();
    setStatus(failed ? `${failed} of ${picked.length} uploads failed; see the list.` : `Uploaded ${picked.length} file${picked.length === 1 ? "" : "s"}.`);
    if (!failed) setUploads([]);
  };

  const onAction = (action: RowAction, row: RowItem) => {
    if (action !== "delete") return setDialog({ type: action, row });
    void sendJson("DELETE", apiPath(row)).then(
      async () => {
        if (preview?.entryId === row.item.id) setPreview(null);
        await refresh();
        setStatus({
          message: `Moved “${row.item.name}” to the trash.`,
          undo: async () => {
            await sendJson("POST", `${apiPath(row)}/restore`);
            return `Restored “${row.item.name}”.`;
          },
        });
      },
      (error: Error) => setStatus(error.message),
    );
  };

  const data = view.data;
  return (
    <div
      className="relative min-h-[70dvh]"
      onDragOver={(e) => {
        if (![...e.dataTransfer.types].includes("Files")) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void droppedFiles(e.dataTransfer).then(upload);
      }}
    >
      <div className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
        <h1 className="min-w-0 truncate text-xl font-semibold">{data?.folder.name ?? "Files"}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" className={buttonClass} onClick={() => setDialog({ type: "new-folder" })}><Icon name="plus" className="h-4 w-4" />New folder</button>
          <button type="button" className={primaryButtonClass} onClick={() => filesInput.current?.click()}><Icon name="upload" className="h-4 w-4" />Upload files</button>
          <button type="button" className={buttonClass} onClick={() => folderInput.current?.click()}><Icon name="folder" className="h-4 w-4" />Upload folder</button>
          <a className={buttonClass} href={`/api/files/folders/${here}/zip`} download><Icon name="download" className="h-4 w-4" />ZIP</a>
        </div>
        <input ref={filesInput} type="file" multiple hidden aria-label="Files to upload" data-testid="upload-files" onChange={(e) => { void upload(pickedFiles(e.target.files!)); e.target.value = ""; }} />
        <input ref={folderInput} type="file" hidden aria-label="Folder to upload" data-testid="upload-folder" {...{ webkitdirectory: "" }} onChange={(e) => { void upload(pickedFiles(e.target.files!)); e.target.value = ""; }} />
      </div>
      <nav aria-label="Breadcrumbs" className="flex flex-wrap items-center gap-1 px-4 pb-2 text-sm">
        {(data?.path ?? [{ id: null, name: "Files" }]).map((p, i, all) => (
          <span key={p.id ?? "root"} className="flex items-center gap-1">
            {i > 0 ? <Icon name="right" className="h-3 w-3" /> : null}
            {i === all.length - 1 ? <span aria-current="page" className="font-semibold">{p.name}</span> : <Link prefetch={false} href={p.id ? `/files/${p.id}` : "/files"} className="text-sky-700 underline dark:text-sky-300">{p.name}</Link>}
          </span>
        ))}
        {folderId === null ? <Link prefetch={false} href="/documents" className="ml-auto text-sky-700 underline dark:text-sky-300">All documents</Link> : null}
      </nav>
      <form role="search" className="flex gap-2 px-4 pb-3" onSubmit={(e) => { e.preventDefault(); setQ(text.trim()); }}>
        <label htmlFor="files-search" className="sr-only">Search in this folder</label>
        <input id="files-search" type="search" value={text} onChange={(e) => { setText(e.target.value); if (!e.target.value) setQ(""); }} placeholder={`Search in ${data?.folder.name ?? "this folder"}`} className={`${inputClass} min-w-0 flex-1 rounded-full px-4`} />
        <button type="submit" className={buttonClass}>Search</button>
      </form>
      {uploads.length ? (
        <ul aria-label="Uploads" className="mx-4 mb-3 space-y-1 rounded-lg border border-slate-200 p-2 text-sm dark:border-slate-700">
          {uploads.map((u) => (
            <li key={u.path} data-testid="upload-row" data-state={u.state} className="flex justify-between gap-2">
              <span className="truncate">{u.path}</span>
              <span className={u.state === "failed" ? "text-red-700 dark:text-red-300" : "text-slate-600 dark:text-slate-300"}>{u.state === "failed" ? u.error : u.state === "uploading" ? `${Math.round((100 * u.sent) / Math.max(1, u.size))}%` : u.state}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="gap-4 px-4 pb-8 md:grid md:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="min-w-0">
          {q ? (
            <SearchResults result={search.data} error={search.error} folder={data?.folder.name ?? "this folder"} q={q} onOpen={setPreview} />
          ) : view.error ? (
            <ErrorState error={view.error} retry={() => void view.refetch()} />
          ) : !data ? (
            <div className="h-48 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" />
          ) : data.folders.length + data.files.length === 0 ? (
            <EmptyState icon="folder" title="This folder is empty">Upload files or a whole folder, or drop them here. Documents outside folders are under <Link className="underline" href="/documents">Documents</Link>.</EmptyState>
          ) : (
            <FilesList view={data} selected={preview?.entryId ?? null} onOpenFile={(f) => setPreview({ assetId: f.assetId, name: f.name, kind: f.kind, mime: f.mime, entryId: f.id })} onAction={onAction} />
          )}
        </div>
        {preview ? (
          <div className="fixed inset-0 z-40 overflow-y-auto bg-white p-4 md:static md:z-auto md:overflow-visible md:bg-transparent md:p-0 dark:bg-slate-950 md:dark:bg-transparent">
            <div className="md:sticky md:top-4"><FilePreview key={preview.assetId} target={preview} onClose={() => setPreview(null)} /></div>
          </div>
        ) : (
          <p className="hidden text-sm text-slate-600 md:block dark:text-slate-300">Pick a file to preview it.</p>
        )}
      </div>
      {dragging ? (
        <div className="pointer-events-none absolute inset-0 z-30 flex items-center justify-center rounded-xl border-4 border-dashed border-sky-600 bg-sky-50/80 text-lg font-semibold text-sky-900 dark:bg-sky-950/80 dark:text-sky-100">
          Drop files or folders to upload them here
        </div>
      ) : null}
      {dialog?.type === "new-folder" ? (
        <NameDialog title="New folder" label="Folder name" initial="" action="Create" onClose={() => setDialog(null)} onSubmit={async (name) => { await sendJson("POST", "/api/files/folders", { parentId: folderId, name }); await refresh(); setStatus(`Created “${name}”.`); }} />
      ) : dialog?.type === "rename" ? (
        <NameDialog title={`Rename “${dialog.row.item.name}”`} label="New name" initial={dialog.row.item.name} action="Rename" onClose={() => setDialog(null)} onSubmit={async (name) => { await sendJson("PATCH", apiPath(dialog.row), { name }); await refresh(); setStatus(`Renamed to “${name}”.`); }} />
      ) : dialog?.type === "move" ? (
        <FolderPicker title={`Move “${dialog.row.item.name}”`} start={folderId} exclude={dialog.row.type === "folder" ? dialog.row.item.id : undefined} onClose={() => setDialog(null)} onPick={async (target) => { await sendJson("PATCH", apiPath(dialog.row), { folderId: target }); await refresh(); setStatus(`Moved “${dialog.row.item.name}”.`); }} />
      ) : dialog?.type === "versions" ? (
        <VersionsDialog entryId={dialog.row.item.id} name={dialog.row.item.name} onClose={() => setDialog(null)} onRestored={(message) => { void refresh(); setStatus(message); }} />
      ) : null}
      <StatusToast status={status} onDone={() => setStatus("")} />
    </div>
  );
}

function SearchResults({ result, error, folder, q, onOpen }: { result: SearchResult | undefined; error: unknown; folder: string; q: string; onOpen: (target: PreviewTarget) => void }) {
  if (error) return <ErrorState error={error} />;
  if (!result) return <div className="h-32 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" />;
  if (result.items.length === 0) return <EmptyState icon="search" title={`Nothing in ${folder} matches “${q}”`}>Try other words; text inside PDFs, Office and text files is searched too.</EmptyState>;
  return (
    <ul aria-label="Search results" className="divide-y divide-slate-200 dark:divide-slate-700">
      {result.items.map((item) => (
        <li key={item.id}>
          <button type="button" className="flex w-full items-center gap-3 px-2 py-2 text-left hover:bg-slate-50 dark:hover:bg-slate-900" onClick={() => onOpen({ assetId: item.id, name: item.entryName ?? item.name, kind: item.kind, mime: item.mimeType })}>
            <Icon name="file" className="h-6 w-6 shrink-0 text-slate-600 dark:text-slate-300" />
            <span className="min-w-0 flex-1 truncate font-medium">{item.entryName ?? item.name}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
