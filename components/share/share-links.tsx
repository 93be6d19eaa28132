"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { getJson, sendJson } from "../api";
import { buttonClass, ErrorState, inputClass, primaryButtonClass } from "../states";
import type { ShareLinkDto } from "../types";

export type ShareTarget = { albumId: string } | { assetIds: string[] };

/** A guess at a link's guest-facing address when no published address is set: the share listener's port on the host this page was opened with. */
function guessedUrl(path: string, sharePort: number): string {
  return `${location.protocol}//${location.hostname}:${sharePort}${path}`;
}

const useLinks = (albumId?: string) =>
  useQuery({ queryKey: ["share-links", albumId ?? "all"], queryFn: () => getJson<{ items: ShareLinkDto[]; sharePort: number; publicUrl: string | null }>(`/api/share-links${albumId ? `?albumId=${encodeURIComponent(albumId)}` : ""}`) });

/** Creates a link (passphrase, expiry, download and metadata switches) and shows its address once. */
export function ShareLinkForm({ target }: { target: ShareTarget }) {
  const client = useQueryClient();
  const { data } = useLinks();
  const [passphrase, setPassphrase] = useState("");
  const [days, setDays] = useState("");
  const [allowDownload, setAllowDownload] = useState(true);
  const [showMetadata, setShowMetadata] = useState(false);
  const [created, setCreated] = useState<{ address: string; published: boolean } | null>(null);
  const [copied, setCopied] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (created) {
    return (
      <div className="flex flex-col gap-2">
        <p className="text-sm">Copy this address now: only its fingerprint is kept on the box.</p>
        <input readOnly aria-label="Share link address" value={created.address} className={inputClass} onFocus={(e) => e.target.select()} data-testid="share-url" />
        {created.published ? null : (
          <p className="text-sm text-slate-600 dark:text-slate-300">
            This address is only a guess from the one you opened Albums with. Set the share listener&apos;s published address in <a className="underline" href="/admin#share-links">Settings → Share links</a> so guests get a link they can open.
          </p>
        )}
        <button type="button" className={buttonClass} onClick={() => void navigator.clipboard?.writeText(created.address).then(() => setCopied(true))}>{copied ? "Copied" : "Copy"}</button>
      </div>
    );
  }
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          const expiresAt = days ? new Date(Date.now() + Number(days) * 86_400_000).toISOString() : undefined;
          const { url, publicUrl } = await sendJson<{ url: string; publicUrl: string | null }>("POST", "/api/share-links", { ...target, passphrase: passphrase || undefined, expiresAt, allowDownload, showMetadata });
          const sharePort = data?.sharePort ?? (await getJson<{ sharePort: number }>("/api/share-links")).sharePort;
          setCreated(publicUrl ? { address: publicUrl, published: true } : { address: guessedUrl(url, sharePort), published: false });
          await client.invalidateQueries({ queryKey: ["share-links"] });
        } catch (error) {
          setFailure((error as Error).message);
        }
      }}
    >
      <label htmlFor="share-passphrase" className="text-sm font-medium">Passphrase (optional, 6 characters or more)</label>
      <input id="share-passphrase" type="password" minLength={6} value={passphrase} onChange={(e) => setPassphrase(e.target.value)} className={inputClass} autoComplete="new-password" />
      <label htmlFor="share-days" className="text-sm font-medium">Expires after (days, empty = never)</label>
      <input id="share-days" type="number" min={1} value={days} onChange={(e) => setDays(e.target.value)} className={inputClass} />
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={allowDownload} onChange={(e) => setAllowDownload(e.target.checked)} /> Allow downloads</label>
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={showMetadata} onChange={(e) => setShowMetadata(e.target.checked)} /> Show metadata (place, camera) to guests</label>
      {failure ? <p role="alert" className="text-sm text-red-600">{failure}</p> : null}
      <button type="submit" className={primaryButtonClass}>Create link</button>
    </form>
  );
}

/** The links (of one album, or all): state, use, and revoke. */
export function ShareLinkList({ albumId }: { albumId?: string }) {
  const client = useQueryClient();
  const { data, error } = useLinks(albumId);
  if (error) return <ErrorState error={error} />;
  if (!data) return null;
  if (data.items.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-300">No share links yet.</p>;
  return (
    <ul className="flex flex-col gap-2" aria-label="Share links">
      {data.items.map((link) => (
        <li key={link.id} className="flex flex-wrap items-center gap-2 text-sm">
          <span className="mr-auto">
            <strong>{link.title}</strong> · {link.state}
            {link.hasPassphrase ? " · passphrase" : ""}
            {link.expiresAt ? ` · until ${new Date(link.expiresAt).toLocaleDateString()}` : ""}
            {link.allowDownload ? "" : " · no downloads"}
            {link.showMetadata ? " · metadata shown" : ""} · {link.hits} views{link.lastUsedAt ? `, last ${new Date(link.lastUsedAt).toLocaleString()}` : ""}
          </span>
          {link.state === "active" ? (
            <button type="button" className={buttonClass} onClick={async () => { await sendJson("DELETE", `/api/share-links/${link.id}`); await client.invalidateQueries({ queryKey: ["share-links"] }); }}>
              Revoke
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** A modal to share an album or a selection: a new link, and for an album its existing links. */
export function ShareDialog({ target, onClose }: { target: ShareTarget; onClose: () => void }) {
  return (
    <div role="dialog" aria-modal="true" aria-label="Share" className="fixed inset-0 z-50 flex items-center justify-center bg-black/50 p-4 text-slate-900 dark:text-slate-100">
      <div className="flex max-h-full w-full max-w-md flex-col gap-3 overflow-auto rounded-xl bg-white p-4 shadow-xl dark:bg-slate-900">
        <h2 className="text-lg font-semibold">Share with a link</h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">Anyone with the link can see {"albumId" in target ? "this album" : "these photos"} through the share listener; GPS and camera details are removed unless you show metadata.</p>
        <ShareLinkForm target={target} />
        {"albumId" in target ? <ShareLinkList albumId={target.albumId} /> : null}
        <button type="button" className={buttonClass} onClick={onClose}>Close</button>
      </div>
    </div>
  );
}
