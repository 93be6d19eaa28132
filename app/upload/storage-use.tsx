"use client";

import { useEffect, useState } from "react";

function mb(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.round(bytes / 1e6)} MB`;
}

/** Asks for persistent storage (so the browser does not evict queued files) and shows quota use. */
export function StorageUse({ refreshKey }: { refreshKey: number }) {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    if (!navigator.storage?.estimate) return;
    void (async () => {
      const persisted = (await navigator.storage.persisted?.()) || (await navigator.storage.persist?.());
      const { usage = 0, quota = 0 } = await navigator.storage.estimate();
      setText(`This device holds ${mb(usage)} of ${mb(quota)} for Albums; storage is ${persisted ? "persistent" : "not persistent (the browser may clear it when space runs low)"}.`);
    })();
  }, [refreshKey]);
  return text ? <p className="text-xs text-slate-500" data-testid="storage-use">{text}</p> : null;
}
