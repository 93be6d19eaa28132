"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { getJson, sendJson } from "../api";
import { AssetBrowser } from "../grid/asset-browser";
import { removeFromAlbum } from "../grid/bulk-actions";
import { StatusToast, type Status } from "../grid/status-toast";
import { Icon } from "../icons";
import { ShareDialog } from "../share/share-links";
import { buttonClass, EmptyState, ErrorState, GridSkeleton, inputClass, primaryButtonClass } from "../states";
import type { AlbumDetail } from "../types";
import { AddToAlbum } from "./add-to-album";

const bar = "inline-flex items-center gap-1 rounded-full px-3 py-1.5 text-sm font-medium hover:bg-white/15";

/** One album: title and description (editable), sort order, its photos; "Add photos" picks more from the timeline; selection can remove or set the cover. */
export function AlbumScreen({ id }: { id: string }) {
  const client = useQueryClient();
  const router = useRouter();
  const { data, error, refetch } = useQuery({ queryKey: ["album", id], queryFn: () => getJson<AlbumDetail>(`/api/albums/${id}`) });
  const [editing, setEditing] = useState(false);
  const [sharing, setSharing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState<Status>("");
  const update = async (change: Record<string, unknown>) => {
    await sendJson("PATCH", `/api/albums/${id}`, change);
    await client.invalidateQueries();
  };
  if (error) return <ErrorState error={error} retry={() => void refetch()} />;
  if (!data) return <GridSkeleton />;
  if (adding) {
    return (
      <AddToAlbum
        albumId={id}
        title={data.title}
        onDone={(message) => {
          setAdding(false);
          setStatus(message);
        }}
      />
    );
  }
  return (
    <>
      <StatusToast status={status} onDone={() => setStatus("")} />
      <div className="px-4 py-3">
        {editing ? (
          <AlbumEditor album={data} onSave={async (change) => { await update(change); setEditing(false); }} onCancel={() => setEditing(false)} />
        ) : (
          <div className="flex flex-wrap items-start gap-2">
            <div className="mr-auto">
              <h1 className="text-xl font-semibold">{data.title}</h1>
              {data.description ? <p className="mt-1 max-w-prose text-sm text-slate-600 dark:text-slate-300">{data.description}</p> : null}
              <p className="text-sm text-slate-600 dark:text-slate-300">{data.items.length} {data.items.length === 1 ? "item" : "items"}</p>
            </div>
            <label htmlFor="album-sort" className="sr-only">Sort</label>
            <select id="album-sort" value={data.sort} onChange={(e) => void update({ sort: e.target.value })} className={`${inputClass} rounded-full py-1.5`}>
              <option value="newest">Newest first</option>
              <option value="oldest">Oldest first</option>
              <option value="added">Recently added</option>
            </select>
            <button type="button" className={primaryButtonClass} onClick={() => setAdding(true)}>Add photos</button>
            <button type="button" className={buttonClass} onClick={() => setEditing(true)}>Edit</button>
            <button type="button" className={buttonClass} onClick={() => setSharing(true)}>Share</button>
            {data.items.length > 0 ? <a className={buttonClass} href={`/api/albums/${id}/download.zip`} download>Download ZIP</a> : null}
            <button
              type="button"
              className={buttonClass}
              onClick={async () => {
                if (!confirm(`Delete the album “${data.title}”? The photos stay in your library.`)) return;
                await sendJson("DELETE", `/api/albums/${id}`);
                await client.invalidateQueries({ queryKey: ["albums"] });
                router.push("/albums");
              }}
            >
              Delete album
            </button>
          </div>
        )}
      </div>
      {sharing ? <ShareDialog target={{ albumId: id }} onClose={() => setSharing(false)} /> : null}
      {data.items.length === 0 ? (
        <EmptyState icon="albums" title="This album is empty">Choose “Add photos” above, or select photos in the timeline or in search results and choose “Add to album”.</EmptyState>
      ) : (
        <AssetBrowser
          items={data.items}
          extra={(ids, clear, status) => (
            <>
              <button type="button" className={bar} onClick={async () => { clear(); status(await removeFromAlbum(id, ids)); await client.invalidateQueries(); }}>
                <Icon name="close" /> Remove from album
              </button>
              {ids.length === 1 ? (
                <button type="button" className={bar} onClick={async () => { await update({ coverAssetId: ids[0] }); clear(); status("Cover set."); }}>
                  <Icon name="photos" /> Set as cover
                </button>
              ) : null}
            </>
          )}
        />
      )}
    </>
  );
}

function AlbumEditor({ album, onSave, onCancel }: { album: AlbumDetail; onSave: (change: { title: string; description: string | null }) => Promise<void>; onCancel: () => void }) {
  const [title, setTitle] = useState(album.title);
  const [description, setDescription] = useState(album.description ?? "");
  return (
    <form className="flex max-w-xl flex-col gap-2" onSubmit={(e) => { e.preventDefault(); void onSave({ title, description: description || null }); }}>
      <label htmlFor="edit-title" className="text-sm font-medium">Title</label>
      <input id="edit-title" required value={title} onChange={(e) => setTitle(e.target.value)} className={inputClass} />
      <label htmlFor="edit-description" className="text-sm font-medium">Description</label>
      <textarea id="edit-description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} className={inputClass} />
      <div className="flex gap-2">
        <button type="submit" className={primaryButtonClass}>Save</button>
        <button type="button" className={buttonClass} onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
