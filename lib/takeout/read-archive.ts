import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import tar from "tar-stream";
import yauzl from "yauzl";

/** An entry of a Takeout part, whatever its container. */
export type ArchiveEntry = { path: string; size: number; compressedSize: number | null; type: "file" | "directory" | "symlink" | "other" };

export type EntryStream = AsyncIterable<Buffer>;

/** One Takeout part: a .zip, a .tgz/.tar.gz, or an extracted folder. Entries stream in order. */
export type ArchivePart = {
  name: string;
  /** Calls `visit` for every entry in archive order; `open` streams that entry's bytes (only during the visit). */
  walk: (visit: (entry: ArchiveEntry, open: () => Promise<EntryStream>) => Promise<void>) => Promise<void>;
};

/** Opens a part by its kind (file extension for archives, a directory otherwise). */
export async function openPart(location: string): Promise<ArchivePart> {
  const stat = await fsp.stat(location);
  if (stat.isDirectory()) return folderPart(location);
  if (/\.zip$/i.test(location)) return zipPart(location);
  if (/\.(tgz|tar\.gz)$/i.test(location)) return tgzPart(location);
  throw new Error(`${location}: not a .zip, .tgz or folder`);
}

function zipPart(file: string): ArchivePart {
  return {
    name: path.basename(file),
    walk: (visit) =>
      new Promise((resolve, reject) => {
        yauzl.open(file, { lazyEntries: true, autoClose: true, validateEntrySizes: true, decodeStrings: false, strictFileNames: false }, (error, zip) => {
          if (error || !zip) return reject(error ?? new Error("cannot open zip"));
          zip.on("error", reject);
          zip.on("end", resolve);
          zip.on("entry", (entry: yauzl.Entry) => {
            const name = Buffer.isBuffer(entry.fileName) ? decodeZipName(entry) : String(entry.fileName);
            const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
            const type = mode === 0o120000 ? "symlink" : name.endsWith("/") ? "directory" : "file";
            const open = () =>
              new Promise<EntryStream>((ok, fail) =>
                zip.openReadStream(entry, (streamError, stream) => {
                  if (streamError || !stream) return fail(streamError ?? new Error("no stream"));
                  // A reader that stops early (size limit) must not leave yauzl's late size error unhandled;
                  // the reader itself still sees errors through its iterator.
                  stream.on("error", () => {});
                  ok(stream);
                }),
              );
            visit({ path: name, size: entry.uncompressedSize, compressedSize: entry.compressedSize, type }, open).then(
              () => zip.readEntry(),
              (visitError: unknown) => {
                zip.close();
                reject(visitError);
              },
            );
          });
          zip.readEntry();
        });
      }),
  };
}

// Zip names are UTF-8 when general-purpose bit 11 is set, else CP437 (ASCII in practice for Takeout).
function decodeZipName(entry: yauzl.Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  return (entry.generalPurposeBitFlag & 0x800) !== 0 ? raw.toString("utf8") : raw.toString("latin1");
}

function tgzPart(file: string): ArchivePart {
  return {
    name: path.basename(file),
    walk: (visit) =>
      new Promise((resolve, reject) => {
        const extract = tar.extract();
        extract.on("entry", (header, stream, next) => {
          const type = header.type === "file" || header.type === "contiguous-file" ? "file" : header.type === "directory" ? "directory" : header.type === "symlink" || header.type === "link" ? "symlink" : "other";
          let opened = false;
          let ended = false;
          stream.on("end", () => (ended = true));
          const open = async () => {
            opened = true;
            return stream as unknown as EntryStream;
          };
          visit({ path: header.name, size: header.size ?? 0, compressedSize: null, type }, open).then(
            () => {
              if (ended) return next();
              stream.on("end", () => next());
              if (!opened) stream.resume();
            },
            (error: unknown) => {
              extract.destroy(error as Error);
              reject(error);
            },
          );
        });
        extract.on("finish", resolve);
        extract.on("error", reject);
        const input = fs.createReadStream(file);
        input.on("error", reject);
        input.pipe(zlib.createGunzip()).on("error", reject).pipe(extract);
      }),
  };
}

function folderPart(root: string): ArchivePart {
  return {
    name: path.basename(root),
    walk: async (visit) => {
      const walkDir = async (dir: string): Promise<void> => {
        for (const entry of (await fsp.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
          const full = path.join(dir, entry.name);
          const rel = path.relative(root, full).split(path.sep).join("/");
          if (entry.isSymbolicLink()) {
            await visit({ path: rel, size: 0, compressedSize: null, type: "symlink" }, () => Promise.reject(new Error("symlink")));
          } else if (entry.isDirectory()) {
            await walkDir(full);
          } else if (entry.isFile()) {
            const { size } = await fsp.stat(full);
            await visit({ path: rel, size, compressedSize: null, type: "file" }, async () => fs.createReadStream(full));
          }
        }
      };
      await walkDir(root);
    },
  };
}
