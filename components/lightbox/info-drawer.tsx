"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { getJson, sendJson } from "../api";
import { formatBytes, formatDateTime } from "../format";
import type { Status } from "../grid/status-toast";
import type { AssetDetail, PersonSummary } from "../types";

const CAPTURE_SOURCE: Record<string, string> = {
  exif: "from the camera (EXIF, with its time zone)",
  "exif-gps-timezone": "camera clock, time zone from its GPS position",
  "exif-local": "camera clock, time zone of this box (the file has none)",
  container: "from the video file",
  client: "from the phone that sent it",
  filename: "from the file name",
  upload: "upload time (no date in the file)",
  takeout: "from Google Takeout",
  owner: "set by you (Edit shows what the original says)",
};

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-b border-slate-200 py-3 dark:border-slate-700">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">{title}</h3>
      <div className="mt-1 text-sm">{children}</div>
    </section>
  );
}

function exposure(camera: AssetDetail["camera"]): string {
  const parts = [
    camera.fNumber ? `f/${camera.fNumber}` : null,
    camera.exposureTime ? (camera.exposureTime < 1 ? `1/${Math.round(1 / camera.exposureTime)} s` : `${camera.exposureTime} s`) : null,
    camera.iso ? `ISO ${camera.iso}` : null,
    camera.focalLength ? `${camera.focalLength} mm` : null,
  ];
  return parts.filter(Boolean).join(" · ");
}

/** The metadata drawer: when (and how we know), camera, file, place, people, caption, text, albums. */
export function InfoDrawer({ asset, onStatus }: { asset: AssetDetail; onStatus: (status: Status) => void }) {
  const client = useQueryClient();
  const [description, setDescription] = useState(asset.description ?? "");
  const camera = [asset.camera.make, asset.camera.model].filter(Boolean).join(" ");
  const place = asset.place ? [asset.place.city, asset.place.region, asset.place.country].filter(Boolean).join(", ") : null;
  const saveDescription = async () => {
    if (description === (asset.description ?? "")) return;
    await sendJson("PATCH", "/api/assets", { ids: [asset.id], description });
    await client.invalidateQueries({ queryKey: ["asset", asset.id] });
  };
  return (
    <aside aria-label="Details" data-testid="info-drawer" className="h-full overflow-y-auto bg-white px-4 pb-8 text-slate-900 dark:bg-slate-900 dark:text-slate-100">
      <h2 className="pt-4 text-lg font-semibold">Details</h2>
      <Section title="Description">
        <label htmlFor="asset-description" className="sr-only">Description</label>
        <textarea id="asset-description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} onBlur={() => void saveDescription()} placeholder="Add a description" className="w-full resize-y rounded-md border border-slate-300 bg-transparent p-2 dark:border-slate-600" />
      </Section>
      <Section title="Taken">
        <p data-testid="info-time">{formatDateTime(asset.capture.at, asset.capture.timeZone)}</p>
        <p className="text-slate-600 dark:text-slate-300">
          {CAPTURE_SOURCE[asset.capture.source] ?? asset.capture.source}
          {asset.capture.timeZone ? ` · ${asset.capture.timeZone}` : ""}
        </p>
      </Section>
      {camera || asset.camera.lens ? (
        <Section title="Camera">
          <p data-testid="info-camera">{camera}</p>
          {asset.camera.lens ? <p>{asset.camera.lens}</p> : null}
          <p className="text-slate-600 dark:text-slate-300">{exposure(asset.camera)}</p>
        </Section>
      ) : null}
      <Section title="File">
        <p className="break-all">{asset.originalName}</p>
        <p className="text-slate-600 dark:text-slate-300">
          {formatBytes(asset.size)}
          {asset.width && asset.height ? ` · ${asset.width} × ${asset.height}` : ""} · {asset.mimeType}
        </p>
        {asset.names.length > 1 ? <p className="text-slate-600 dark:text-slate-300">Also arrived as {asset.names.filter((n) => n.name !== asset.originalName).map((n) => n.name).join(", ")}</p> : null}
      </Section>
      {asset.location || place ? (
        <Section title="Place">
          {place ? <p data-testid="info-place">{place}</p> : null}
          {asset.location ? (
            <p className="text-slate-600 dark:text-slate-300">
              {asset.location.latitude.toFixed(5)}, {asset.location.longitude.toFixed(5)}
              {asset.location.altitude !== null ? ` · ${Math.round(asset.location.altitude)} m` : ""}
            </p>
          ) : null}
          <p className="text-xs text-slate-600 dark:text-slate-300">No map is shown: this box ships no offline map data.</p>
        </Section>
      ) : null}
      {asset.faces.length > 0 ? <PeopleSection asset={asset} onStatus={onStatus} /> : null}
      {asset.caption ? <Section title="Caption"><p>{asset.caption}</p></Section> : null}
      {asset.ocrText ? (
        <Section title="Text in the photo">
          <p className="whitespace-pre-wrap" data-testid="info-ocr">{asset.ocrText}</p>
        </Section>
      ) : null}
      {asset.textExcerpt ? (
        <Section title="Document text">
          <p className="max-h-64 overflow-y-auto whitespace-pre-wrap">{asset.textExcerpt}</p>
        </Section>
      ) : null}
      <Section title="Albums">
        {asset.albums.length ? (
          <ul className="flex flex-wrap gap-1.5">
            {asset.albums.map((album) => (
              <li key={album.id}>
                <Link prefetch={false} href={`/albums/${album.id}`} className="rounded-full bg-slate-100 px-2.5 py-1 hover:bg-slate-200 dark:bg-slate-800 dark:hover:bg-slate-700">{album.title}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-600 dark:text-slate-300">In no album.</p>
        )}
      </Section>
    </aside>
  );
}

/** Faces on the photo, each with its person and a way to fix a wrong match (with Undo). */
function PeopleSection({ asset, onStatus }: { asset: AssetDetail; onStatus: (status: Status) => void }) {
  const client = useQueryClient();
  const { data } = useQuery({ queryKey: ["people"], queryFn: () => getJson<{ people: PersonSummary[] }>("/api/people") });
  const move = async (faceId: string, personId: string | null) => {
    try {
      const { undo } = await sendJson<{ undo: unknown }>("PATCH", `/api/faces/${faceId}`, { personId });
      await client.invalidateQueries();
      const to = personId ? (data?.people.find((p) => p.id === personId)?.name ?? "that person") : "someone new";
      onStatus(undo ? { message: `Face moved to ${to}.`, undo: async () => (await sendJson("POST", "/api/people/restore", undo), "Face moved back.") } : `Face moved to ${to}.`);
    } catch (error) {
      onStatus(`Failed: ${(error as Error).message}`);
    }
  };
  return (
    <Section title="People">
      <ul className="space-y-1.5">
        {asset.faces.map((face, i) => (
          <li key={face.id} className="flex flex-wrap items-center gap-2">
            {face.personId ? <Link prefetch={false} href={`/people/${face.personId}`} className="font-medium underline-offset-2 hover:underline">{face.name ?? `Unnamed person ${i + 1}`}</Link> : <span>Unknown face</span>}
            <label className="sr-only" htmlFor={`face-${face.id}`}>Fix this face</label>
            <select
              id={`face-${face.id}`}
              value=""
              onChange={(e) => void move(face.id, e.target.value === "__new" ? null : e.target.value)}
              className="ml-auto rounded border border-slate-300 bg-transparent px-1 py-0.5 text-xs dark:border-slate-600 dark:bg-slate-900"
            >
              <option value="">Not right? Move to…</option>
              <option value="__new">Someone new</option>
              {(data?.people ?? []).filter((p) => p.id !== face.personId).map((p) => (
                <option key={p.id} value={p.id}>{p.name ?? `Unnamed (${p.photos} photos)`}</option>
              ))}
            </select>
          </li>
        ))}
      </ul>
    </Section>
  );
}
