"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { sendJson } from "../api";
import { formatDateTime } from "../format";
import { buttonClass, inputClass, primaryButtonClass } from "../states";
import type { AssetDetail } from "../types";
import { LocationEditor } from "./location-editor";

const REVERT = "Revert to the original's value";
const ZONES = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];

/** The clock reading of an instant in a zone, as a datetime-local value (`2024-07-26T15:30`). */
function localValue(iso: string, timeZone: string): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-CA", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).formatToParts(new Date(iso));
  } catch {
    return iso.slice(0, 16);
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-b border-slate-200 py-3 dark:border-slate-700">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">{title}</h3>
      <div className="mt-2 space-y-2 text-sm">{children}</div>
    </section>
  );
}

/**
 * The owner's edits, none of which touch the original: turn the photo, fix its date and time
 * (with its time zone), set its place; each edited part can go back to the original's value.
 */
export function EditPanel({ asset, onStatus }: { asset: AssetDetail; onStatus: (message: string) => void }) {
  const client = useQueryClient();
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [zone, setZone] = useState(asset.capture.timeZone ?? browserZone);
  const [local, setLocal] = useState(localValue(asset.capture.at, asset.capture.timeZone ?? browserZone));
  const [busy, setBusy] = useState(false);
  const edit = async (body: Record<string, unknown>, message: string) => {
    setBusy(true);
    try {
      const updated = await sendJson<AssetDetail>("PATCH", `/api/assets/${asset.id}/edit`, body);
      client.setQueryData(["asset", asset.id], updated);
      await client.invalidateQueries();
      onStatus(message);
    } catch (error) {
      onStatus(`Not saved: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  const { rotation, originalCapture, originalLocation } = asset.edits;
  return (
    <aside aria-label="Edit" data-testid="edit-panel" className="h-full overflow-y-auto bg-white px-4 pb-8 text-slate-900 dark:bg-slate-900 dark:text-slate-100">
      <h2 className="pt-4 text-lg font-semibold">Edit</h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">The original file is never changed: these are kept beside it and can be reverted.</p>
      {asset.kind === "photo" ? (
        <Part title="Rotate">
          <div className="flex flex-wrap gap-2">
            <button type="button" disabled={busy} className={buttonClass} onClick={() => void edit({ rotation: (rotation + 270) % 360 }, "Turned left.")}>↺ Left</button>
            <button type="button" disabled={busy} className={buttonClass} onClick={() => void edit({ rotation: (rotation + 90) % 360 }, "Turned right.")}>↻ Right</button>
            {rotation ? <button type="button" disabled={busy} className={buttonClass} onClick={() => void edit({ rotation: 0 }, "Turned back as the original.")}>{REVERT}</button> : null}
          </div>
        </Part>
      ) : null}
      <Part title="Date and time">
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            void edit({ capture: { local, timeZone: zone } }, "Date and time saved.");
          }}
        >
          <label className="block text-xs text-slate-600 dark:text-slate-300">
            Taken at
            <input type="datetime-local" required value={local} onChange={(e) => setLocal(e.target.value)} className={`${inputClass} mt-1 w-full text-slate-900 dark:text-slate-100`} />
          </label>
          <label className="block text-xs text-slate-600 dark:text-slate-300">
            Time zone
            <input list="time-zones" required value={zone} onChange={(e) => setZone(e.target.value)} className={`${inputClass} mt-1 w-full text-slate-900 dark:text-slate-100`} />
          </label>
          <datalist id="time-zones">
            {ZONES.map((z) => <option key={z} value={z} />)}
          </datalist>
          <button type="submit" disabled={busy} className={primaryButtonClass}>Save date and time</button>
        </form>
        {originalCapture ? (
          <p className="flex flex-wrap items-center gap-2">
            <span className="text-slate-600 dark:text-slate-300">The original says {formatDateTime(originalCapture.at, originalCapture.timeZone)}.</span>
            <button type="button" disabled={busy} className={buttonClass} onClick={() => void edit({ capture: null }, "Date and time reverted.")}>{REVERT}</button>
          </p>
        ) : null}
      </Part>
      <Part title="Place">
        <LocationEditor initial={asset.location} onPick={(latitude, longitude) => void edit({ location: { latitude, longitude } }, "Place saved.")} />
        {originalLocation ? (
          <p className="flex flex-wrap items-center gap-2">
            <span className="text-slate-600 dark:text-slate-300">
              {originalLocation.latitude !== null && originalLocation.longitude !== null ? `The original says ${originalLocation.latitude.toFixed(5)}, ${originalLocation.longitude.toFixed(5)}.` : "The original has no position."}
            </span>
            <button type="button" disabled={busy} className={buttonClass} onClick={() => void edit({ location: null }, "Place reverted.")}>{REVERT}</button>
          </p>
        ) : null}
      </Part>
    </aside>
  );
}
