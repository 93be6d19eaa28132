"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Image from "next/image";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { getJson, sendJson } from "../api";
import { EmptyState, ErrorState, GridSkeleton, inputClass, primaryButtonClass, ScreenHeader } from "../states";
import type { AlbumSummary } from "../types";

function span(album: AlbumSummary): string {
  if (!album.from || !album.to) return "";
  const f = new Date(album.from).toLocaleDateString(undefined, { month: "short", year: "numeric" });
  const t = new Date(album.to).toLocaleDateString(undefined, { month: "short", year: "numeric" });
  return f === t ? f : `${f} – ${t}`;
}

/** Every album as a cover card; a form to create a new (empty) album. */
export function AlbumsScreen() {
  const router = useRouter();
  const client = useQueryClient();
  const { data, error, refetch } = useQuery({ queryKey: ["albums"], queryFn: () => getJson<{ albums: AlbumSummary[] }>("/api/albums") });
  const [title, setTitle] = useState("");
  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    const { id } = await sendJson<{ id: string }>("POST", "/api/albums", { title });
    await client.invalidateQueries({ queryKey: ["albums"] });
    router.push(`/albums/${id}`);
  };
  return (
    <>
      <ScreenHeader title="Albums">
        <form onSubmit={create} className="flex gap-2">
          <label htmlFor="album-title" className="sr-only">New album title</label>
          <input id="album-title" required value={title} onChange={(e) => setTitle(e.target.value)} placeholder="New album" className={`${inputClass} w-40 rounded-full`} />
          <button type="submit" className={primaryButtonClass}>Create</button>
        </form>
      </ScreenHeader>
      {error ? (
        <ErrorState error={error} retry={() => void refetch()} />
      ) : !data ? (
        <GridSkeleton count={8} />
      ) : data.albums.length === 0 ? (
        <EmptyState icon="albums" title="No albums yet">Create one above, or select photos in the timeline and choose “Add to album”. Google Takeout albums are re-created here.</EmptyState>
      ) : (
        <ul className="grid grid-cols-2 gap-4 px-4 pb-6 sm:grid-cols-3 lg:grid-cols-5" aria-label="Albums">
          {data.albums.map((album) => (
            <li key={album.id}>
              <Link prefetch={false} href={`/albums/${album.id}`} className="group block rounded-lg focus-visible:outline-2 focus-visible:outline-sky-600">
                <div className="relative aspect-square overflow-hidden rounded-lg bg-slate-200 dark:bg-slate-800">
                  {album.coverAssetId ? <Image src={`/api/assets/${album.coverAssetId}/thumbnail?size=sm`} alt="" fill unoptimized sizes="240px" className="object-cover transition group-hover:scale-105" /> : null}
                </div>
                <p className="mt-1.5 truncate font-medium">{album.title}</p>
                <p className="text-sm text-slate-600 dark:text-slate-300">{album.count} {album.count === 1 ? "item" : "items"}{span(album) ? ` · ${span(album)}` : ""}</p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
