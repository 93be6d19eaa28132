"use client";
import { useCallback, useState, type ReactNode } from "react";
import { useOpenViewer } from "../lightbox/viewer-host";
import type { AssetSummary } from "../types";
import { AssetGrid } from "./asset-grid";
import { SelectionBar, type BulkContext } from "./selection-bar";
import { StatusToast, type Status } from "./status-toast";
import { useSelection } from "./use-selection";

type BrowserProps = {
  items: AssetSummary[];
  context?: BulkContext;
  onEnd?: () => void;
  /** Extra selection actions of this screen (e.g. remove from album). */
  extra?: (ids: string[], clear: () => void, status: (status: Status) => void) => ReactNode;
};

/** A grid of assets with multi-select, bulk actions and the viewer: what every list screen needs. */
export function AssetBrowser({ items, context, onEnd, extra }: BrowserProps) {
  const ids = useCallback(() => items.map((i) => i.id), [items]);
  const selection = useSelection(ids);
  const openViewer = useOpenViewer();
  const [status, setStatus] = useState<Status>("");
  return (
    <>
      <SelectionBar selection={selection} context={context} onStatus={setStatus} extra={extra ? (selected) => extra(selected, selection.clear, setStatus) : undefined} />
      <AssetGrid items={items} selection={selection} onOpen={(index) => openViewer(items, items[index]!.id)} onEnd={onEnd} />
      <StatusToast status={status} onDone={() => setStatus("")} />
    </>
  );
}
