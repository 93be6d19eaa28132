"use client";
import { useCallback, useState, type ReactNode } from "react";
import { Lightbox } from "../lightbox/lightbox";
import type { AssetSummary } from "../types";
import { AssetGrid } from "./asset-grid";
import { SelectionBar, type BulkContext } from "./selection-bar";
import { StatusToast } from "./status-toast";
import { useSelection } from "./use-selection";

type BrowserProps = {
  items: AssetSummary[];
  context?: BulkContext;
  onEnd?: () => void;
  /** Extra selection actions of this screen (e.g. remove from album). */
  extra?: (ids: string[], clear: () => void, status: (message: string) => void) => ReactNode;
};

/** A grid of assets with multi-select, bulk actions and the lightbox: what every list screen needs. */
export function AssetBrowser({ items, context, onEnd, extra }: BrowserProps) {
  const ids = useCallback(() => items.map((i) => i.id), [items]);
  const selection = useSelection(ids);
  const [open, setOpen] = useState<number | null>(null);
  const [status, setStatus] = useState("");
  return (
    <>
      <SelectionBar selection={selection} context={context} onStatus={setStatus} extra={extra ? (selected) => extra(selected, selection.clear, setStatus) : undefined} />
      <AssetGrid items={items} selection={selection} onOpen={setOpen} onEnd={onEnd} />
      {open !== null ? <Lightbox items={items} index={Math.min(open, items.length - 1)} onIndex={setOpen} onClose={() => setOpen(null)} onStatus={setStatus} /> : null}
      <StatusToast message={status} onDone={() => setStatus("")} />
    </>
  );
}
