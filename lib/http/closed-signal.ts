import type { Writable } from "node:stream";

/** A promise that rejects once `out` closes (or errors) before it has finished, and a way to stop listening. */
export function closedSignal(out: Writable): { promise: Promise<never>; dispose: () => void } {
  let onClose = () => {};
  const promise = new Promise<never>((_, reject) => {
    onClose = () => {
      if (!out.writableFinished) reject(Object.assign(new Error("Premature close"), { code: "ERR_STREAM_PREMATURE_CLOSE" }));
    };
  });
  promise.catch(() => {});
  out.once("close", onClose);
  out.once("error", onClose);
  if (out.destroyed) onClose();
  return { promise, dispose: () => { out.off("close", onClose); out.off("error", onClose); } };
}
