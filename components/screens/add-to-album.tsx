"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { sendJson } from "../api";
import { Icon } from "../icons";
import { Timeline } from "../timeline/timeline";

const bar = "inline-flex items-center gap-1 rounded-full px-3 py-1.5 text-sm font-medium hover:bg-white/15 focus-visible:outline-2 focus-visible:outline-white disabled:opacity-50";

/**
 * "Add photos" inside an album: the whole timeline as a picker (tap to select, shift-click for a
 * range, the scrubber to travel), then the selected photos are added with the album's add API.
 */
export function AddToAlbum({ albumId, title, onDone }: { albumId: string; title: string; onDone: (message: string) => void }) {
  const client = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Timeline
      view="timeline"
      // Room for the bar, which is there from the start (nothing moves when it appears).
      header={<div className="h-12" />}
      picker={(selection) => (
        <div role="toolbar" aria-label={`Add photos to ${title}`} className="fixed inset-x-0 top-0 z-40 flex items-center gap-1 bg-sky-800 px-3 py-2 text-white shadow md:left-56">
          <button type="button" className={bar} onClick={() => onDone("")} aria-label="Cancel adding photos">
            <Icon name="close" />
          </button>
          <span className="mr-auto truncate px-1 text-sm font-semibold" aria-live="polite">
            {selection.selected.size === 0 ? `Add to “${title}”: tap photos` : `${selection.selected.size} selected`}
          </span>
          {problem ? <span role="alert" className="text-sm">{problem}</span> : null}
          <button
            type="button"
            className={`${bar} bg-white/15`}
            disabled={!selection.active}
            onClick={async () => {
              try {
                const { added } = await sendJson<{ added: number }>("POST", `/api/albums/${albumId}/assets`, { assetIds: [...selection.selected] });
                await client.invalidateQueries();
                onDone(`Added ${added} to “${title}”.`);
              } catch (error) {
                setProblem(`Failed: ${(error as Error).message}`);
              }
            }}
          >
            <Icon name="check" /> Add
          </button>
        </div>
      )}
    />
  );
}
