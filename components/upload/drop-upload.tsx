"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import { droppedFiles } from "./dropped-files";
import { newQueueItem } from "@/lib/upload-queue/queue-item";
import { openQueueStore } from "@/lib/upload-queue/queue-store";

const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes("Files") ?? false;

/**
 * Drop files or folders anywhere on the gallery to upload them: they join the upload queue (the
 * same one the Upload page and the service worker drain, so they survive a closed tab) and the
 * Upload page opens to show their progress.
 */
export function DropUpload({ children }: { children: ReactNode }) {
  const router = useRouter();
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth += 1;
      setOver(true);
    };
    const overIt = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.dataTransfer!.dropEffect = "copy";
    };
    const leave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setOver(false);
      void droppedFiles(event.dataTransfer!).then(async (files) => {
        if (files.length === 0) return;
        const store = await openQueueStore();
        try {
          const now = Date.now();
          await store.add(files.map((file) => newQueueItem(file, "upload", now, crypto.randomUUID())));
        } finally {
          store.close();
        }
        router.push("/upload");
      });
    };
    window.addEventListener("dragenter", enter);
    window.addEventListener("dragover", overIt);
    window.addEventListener("dragleave", leave);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragenter", enter);
      window.removeEventListener("dragover", overIt);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("drop", drop);
    };
  }, [router]);
  return (
    <>
      {children}
      {over && (
        <div className="pointer-events-none fixed inset-0 z-50 flex items-center justify-center border-4 border-dashed border-sky-600 bg-sky-50/80 dark:bg-slate-900/80" data-testid="drop-overlay">
          <p className="rounded-xl bg-white px-6 py-4 text-lg font-semibold shadow dark:bg-slate-800">Drop photos or folders to upload them</p>
        </div>
      )}
    </>
  );
}
