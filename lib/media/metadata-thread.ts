// A worker thread of lib/media/metadata-threads.ts: reads one file's metadata segments per message.
import { parentPort } from "node:worker_threads";
import { readMetadataSegments } from "./read-metadata-segments";

parentPort!.on("message", (filePath: string) => {
  readMetadataSegments(filePath).then(
    (segments) => parentPort!.postMessage({ segments }),
    (error: unknown) => parentPort!.postMessage({ error: String(error) }),
  );
});
parentPort!.postMessage("ready");
