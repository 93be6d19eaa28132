"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { sendJson } from "../api";
import { Icon } from "../icons";
import { ShareDialog } from "../share/share-links";
import { sendFiles } from "../share/send-files";
import { AlbumPicker } from "./album-picker";
import { changeAssets, downloadOriginals, downloadZip } from "./bulk-actions";
import type { Status } from "./status-toast";
import type { Selection } from "./use-selection";

export type BulkContext = "library" | "archive" | "trash";

const action = "inline-flex items-center gap-1 rounded-full px-3 py-1.5 text-sm font-medium hover:bg-white/15 focus-visible:outline-2 focus-visible:outline-white";

/**
 * The bar that covers the header while items are selected (fixed, over it: the grid under the
 * finger never moves when selection starts): add to album, favorite, archive,
 * download, trash — or restore/delete for good in the trash. `extra` adds screen-specific actions.
 */
export function SelectionBar({ selection, context = "library", extra, onStatus }: { selection: Selection; context?: BulkContext; extra?: (ids: string[]) => ReactNode; onStatus: (status: Status) => void }) {
  const client = useQueryClient();
  const [picking, setPicking] = useState(false);
  const [sharing, setSharing] = useState(false);
  if (!selection.active) return null;
  const ids = [...selection.selected];
  const run = async (work: () => Promise<Status>) => {
    try {
      onStatus(await work());
      selection.clear();
      await client.invalidateQueries();
    } catch (error) {
      onStatus(`Failed: ${(error as Error).message}`);
    }
  };
  return (
    <div role="toolbar" aria-label="Selected items" className="fixed inset-x-0 top-0 z-40 flex items-center gap-1 overflow-x-auto whitespace-nowrap bg-sky-800 px-3 py-2 text-white shadow md:left-56 [&>*]:shrink-0">
      <button type="button" className={action} onClick={selection.clear} aria-label="Clear selection">
        <Icon name="close" />
      </button>
      <span className="mr-auto px-1 text-sm font-semibold" aria-live="polite">{ids.length} selected</span>
      {context === "trash" ? (
        <>
          <button type="button" className={action} onClick={() => void run(() => changeAssets(ids, { trashed: false }))}>
            <Icon name="restore" /> Restore
          </button>
          <button
            type="button"
            className={action}
            onClick={() =>
              confirm(`Delete ${ids.length} for good? The original files are removed from the box.`) &&
              void run(async () => {
                const { purged } = await sendJson<{ purged: number }>("DELETE", "/api/trash", { ids });
                return `Deleted ${purged} for good.`;
              })
            }
          >
            <Icon name="trash" /> Delete forever
          </button>
        </>
      ) : (
        <>
          {extra?.(ids)}
          <button type="button" className={action} onClick={() => setPicking(true)}>
            <Icon name="albums" /> Add to album
          </button>
          <button type="button" className={action} onClick={() => void run(() => changeAssets(ids, { favorite: true }))}>
            <Icon name="heart" /> Favorite
          </button>
          <button type="button" className={action} onClick={() => void run(() => changeAssets(ids, { archived: context !== "archive" }))}>
            <Icon name="archive" /> {context === "archive" ? "Unarchive" : "Archive"}
          </button>
          <button type="button" className={action} onClick={() => downloadOriginals(ids)}>
            <Icon name="download" /> Download
          </button>
          {ids.length > 1 ? (
            <button type="button" className={action} onClick={() => void downloadZip(ids).then(onStatus, (error: Error) => onStatus(`Failed: ${error.message}`))}>
              ZIP
            </button>
          ) : null}
          <button type="button" className={action} onClick={() => void sendFiles(ids).then(onStatus, (error: Error) => onStatus(`Failed: ${error.message}`))}>
            Send
          </button>
          <button type="button" className={action} onClick={() => setSharing(true)}>
            Share link
          </button>
          <button type="button" className={action} onClick={() => void run(() => changeAssets(ids, { trashed: true }))}>
            <Icon name="trash" /> Trash
          </button>
        </>
      )}
      {sharing ? <ShareDialog target={{ assetIds: ids }} onClose={() => setSharing(false)} /> : null}
      {picking ? (
        <AlbumPicker
          assetIds={ids}
          onDone={(message) => {
            setPicking(false);
            if (message) {
              onStatus(message);
              selection.clear();
            }
          }}
        />
      ) : null}
    </div>
  );
}
