"use client";

import { useEffect, useState } from "react";
import { formatBytes } from "@/lib/format-bytes";

/** Asks for persistent storage (so the browser does not evict queued files) and shows quota use. */
export function StorageUse({ refreshKey }: { refreshKey: number }) {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    if (!navigator.storage?.estimate) return;
    void (async () => {
      const persisted = (await navigator.storage.persisted?.()) || (await navigator.storage.persist?.());
      const { usage = 0, quota = 0 } = await navigator.storage.estimate();
      setText(`This device holds ${formatBytes(usage)} of ${formatBytes(quota)} for Albums; storage is ${persisted ? "persistent" : "not persistent (the browser may clear it when space runs low)"}.`);
    })();
  }, [refreshKey]);
  return text ? <p className="text-xs text-slate-500" data-testid="storage-use">{text}</p> : null;
}
