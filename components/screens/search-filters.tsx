"use client";
import type { AlbumSummary, PersonSummary } from "../types";

export const FILTER_KEYS = ["from", "to", "kind", "person", "place", "album", "camera", "favorite"] as const;

const chip = "rounded-full border border-slate-300 bg-white px-3 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";

/** The filter chips: date range, type, person, place, album, camera, favorites. */
export function FilterChips({ values, onChange, people, albums }: { values: Record<string, string | undefined>; onChange: (changes: Record<string, string | undefined>) => void; people: PersonSummary[]; albums: AlbumSummary[] }) {
  return (
    <div className="flex flex-wrap items-center gap-2 px-4 pb-2" aria-label="Filters" role="group">
      <label className="sr-only" htmlFor="f-from">From date</label>
      <input id="f-from" type="date" value={values.from ?? ""} onChange={(e) => onChange({ from: e.target.value || undefined })} className={chip} />
      <label className="sr-only" htmlFor="f-to">Until date</label>
      <input id="f-to" type="date" value={values.to ?? ""} onChange={(e) => onChange({ to: e.target.value || undefined })} className={chip} />
      <label className="sr-only" htmlFor="f-kind">Type</label>
      <select id="f-kind" value={values.kind ?? ""} onChange={(e) => onChange({ kind: e.target.value || undefined })} className={chip}>
        <option value="">Any type</option>
        <option value="photo">Photos</option>
        <option value="video">Videos</option>
        <option value="document">Documents</option>
      </select>
      <label className="sr-only" htmlFor="f-person">Person</label>
      <select id="f-person" value={values.person ?? ""} onChange={(e) => onChange({ person: e.target.value || undefined })} className={chip}>
        <option value="">Anyone</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>{p.name ?? `Unnamed (${p.photos})`}</option>
        ))}
      </select>
      <label className="sr-only" htmlFor="f-album">Album</label>
      <select id="f-album" value={values.album ?? ""} onChange={(e) => onChange({ album: e.target.value || undefined })} className={chip}>
        <option value="">Any album</option>
        {albums.map((a) => (
          <option key={a.id} value={a.id}>{a.title}</option>
        ))}
      </select>
      <label className="sr-only" htmlFor="f-place">Place</label>
      <input id="f-place" placeholder="Place" defaultValue={values.place ?? ""} onBlur={(e) => onChange({ place: e.target.value.trim() || undefined })} className={`${chip} w-28`} />
      <label className="sr-only" htmlFor="f-camera">Camera</label>
      <input id="f-camera" placeholder="Camera" defaultValue={values.camera ?? ""} onBlur={(e) => onChange({ camera: e.target.value.trim() || undefined })} className={`${chip} w-28`} />
      <button type="button" aria-pressed={values.favorite === "true"} onClick={() => onChange({ favorite: values.favorite === "true" ? undefined : "true" })} className={`${chip} aria-pressed:border-sky-700 aria-pressed:bg-sky-100 aria-pressed:text-sky-900 dark:aria-pressed:bg-sky-900 dark:aria-pressed:text-sky-100`}>
        ♥ Favorites
      </button>
    </div>
  );
}
