"use client";
import { useState, type KeyboardEvent } from "react";
import type { AlbumSummary, PersonSummary } from "../types";

export const FILTER_KEYS = ["from", "to", "kind", "person", "place", "album", "camera", "favorite"] as const;

const chip = "rounded-full border border-slate-300 bg-white px-3 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";

type ChipsProps = { values: Record<string, string | undefined>; onChange: (changes: Record<string, string | undefined>) => void; people: PersonSummary[]; albums: AlbumSummary[] };

/** How many filters are set (the phone's "Filters" chip shows it). */
function activeFilters(values: Record<string, string | undefined>): number {
  return FILTER_KEYS.filter((k) => values[k]).length;
}

/**
 * The filters: a row of chips on a wide screen; on a phone one "Filters" chip (with how many are
 * set) that opens them in a sheet, so the results start right under the search box.
 */
export function SearchFilters(props: ChipsProps) {
  const [open, setOpen] = useState(false);
  const count = activeFilters(props.values);
  return (
    <>
      <div className="hidden sm:block">
        <FilterChips {...props} idPrefix="f" />
      </div>
      <div className="px-4 pb-2 sm:hidden">
        <button type="button" className={`${chip} aria-pressed:border-sky-700`} aria-pressed={count > 0} aria-haspopup="dialog" onClick={() => setOpen(true)}>
          Filters{count ? ` · ${count}` : ""}
        </button>
      </div>
      {open && (
        <div className="fixed inset-0 z-40 flex items-end bg-black/40 sm:hidden" onClick={(e) => e.target === e.currentTarget && setOpen(false)}>
          <div role="dialog" aria-modal="true" aria-label="Filters" className="w-full rounded-t-2xl bg-white pb-4 pt-3 shadow-xl dark:bg-slate-900">
            <div className="flex items-center justify-between px-4 pb-2">
              <h2 className="font-semibold">Filters</h2>
              <button type="button" className={chip} onClick={() => setOpen(false)}>Done</button>
            </div>
            <FilterChips {...props} idPrefix="sheet" />
          </div>
        </div>
      )}
    </>
  );
}

/** Applies a typed filter (place, camera) on Enter as well as when the box loses focus. */
function onEnter(apply: (value: string) => void) {
  return (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    apply(event.currentTarget.value);
  };
}

/** The filter chips: date range, type, person, place, album, camera, favorites. */
export function FilterChips({ values, onChange, people, albums, idPrefix }: ChipsProps & { idPrefix: string }) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const setPlace = (value: string) => onChange({ place: value.trim() || undefined });
  const setCamera = (value: string) => onChange({ camera: value.trim() || undefined });
  return (
    <div className="flex flex-wrap items-center gap-2 px-4 pb-2" aria-label="Filters" role="group">
      <label className="sr-only" htmlFor={id("from")}>From date</label>
      <input id={id("from")} type="date" value={values.from ?? ""} onChange={(e) => onChange({ from: e.target.value || undefined })} className={chip} />
      <label className="sr-only" htmlFor={id("to")}>Until date</label>
      <input id={id("to")} type="date" value={values.to ?? ""} onChange={(e) => onChange({ to: e.target.value || undefined })} className={chip} />
      <label className="sr-only" htmlFor={id("kind")}>Type</label>
      <select id={id("kind")} value={values.kind ?? ""} onChange={(e) => onChange({ kind: e.target.value || undefined })} className={chip}>
        <option value="">Any type</option>
        <option value="photo">Photos</option>
        <option value="video">Videos</option>
        <option value="document">Documents</option>
      </select>
      <label className="sr-only" htmlFor={id("person")}>Person</label>
      <select id={id("person")} value={values.person ?? ""} onChange={(e) => onChange({ person: e.target.value || undefined })} className={chip}>
        <option value="">Anyone</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>{p.name ?? `Unnamed (${p.photos})`}</option>
        ))}
      </select>
      <label className="sr-only" htmlFor={id("album")}>Album</label>
      <select id={id("album")} value={values.album ?? ""} onChange={(e) => onChange({ album: e.target.value || undefined })} className={chip}>
        <option value="">Any album</option>
        {albums.map((a) => (
          <option key={a.id} value={a.id}>{a.title}</option>
        ))}
      </select>
      <label className="sr-only" htmlFor={id("place")}>Place</label>
      <input id={id("place")} placeholder="Place" defaultValue={values.place ?? ""} onBlur={(e) => setPlace(e.target.value)} onKeyDown={onEnter(setPlace)} className={`${chip} w-28`} />
      <label className="sr-only" htmlFor={id("camera")}>Camera</label>
      <input id={id("camera")} placeholder="Camera" defaultValue={values.camera ?? ""} onBlur={(e) => setCamera(e.target.value)} onKeyDown={onEnter(setCamera)} className={`${chip} w-28`} />
      <button type="button" aria-pressed={values.favorite === "true"} onClick={() => onChange({ favorite: values.favorite === "true" ? undefined : "true" })} className={`${chip} aria-pressed:border-sky-700 aria-pressed:bg-sky-100 aria-pressed:text-sky-900 dark:aria-pressed:bg-sky-900 dark:aria-pressed:text-sky-100`}>
        ♥ Favorites
      </button>
    </div>
  );
}
