"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { getJson, sendJson } from "../api";
import { buttonClass, inputClass } from "../states";

type Setting = { publicUrl: string | null; fromEnv: boolean };

/** The share listener's published address (what guests open), set here unless ALBUMS_SHARE_PUBLIC_URL fixes it. */
export function SharePublicUrlForm() {
  const client = useQueryClient();
  const { data } = useQuery({ queryKey: ["share-links", "settings"], queryFn: () => getJson<Setting>("/api/share-links/settings") });
  const [edited, setEdited] = useState<string | null>(null); // null: not edited, show the stored one
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  if (!data) return null;
  const value = edited ?? data.publicUrl ?? "";
  if (data.fromEnv) return <p className="text-sm">Guests open links at <strong>{data.publicUrl}</strong> (set by ALBUMS_SHARE_PUBLIC_URL).</p>;
  return (
    <form
      className="mb-3 flex flex-col gap-2"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          const saved = await sendJson<Setting>("PATCH", "/api/share-links/settings", { publicUrl: value.trim() });
          setMessage({ text: saved.publicUrl ? `New links start with ${saved.publicUrl}.` : "No published address: links show a guess.", error: false });
          setEdited(null);
          await client.invalidateQueries({ queryKey: ["share-links"] });
        } catch (error) {
          setMessage({ text: (error as Error).message, error: true });
        }
      }}
    >
      <label htmlFor="share-public-url" className="text-sm font-medium">Published address of the share listener (what guests open, e.g. your <code>tailscale funnel</code> name)</label>
      <div className="flex flex-wrap gap-2">
        <input id="share-public-url" type="url" placeholder="https://albums.your-tailnet.ts.net" value={value} onChange={(e) => setEdited(e.target.value)} className={`${inputClass} min-w-0 flex-1`} />
        <button type="submit" className={buttonClass}>Save address</button>
      </div>
      {message ? <p role={message.error ? "alert" : "status"} className={`text-sm ${message.error ? "text-red-600" : ""}`}>{message.text}</p> : null}
    </form>
  );
}
