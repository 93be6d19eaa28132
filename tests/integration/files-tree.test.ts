// The Files tree on a real library (temp SQLite + data dir): folders, any file type (empty
// included) through the durable ingest path, versions on overwrite with the kept count, trash and
// restore with the assets' trash following references, cycle and clash refusals, copies, the
// Drive folders of a Takeout placed (idempotently), and the tree rebuilt from the journal.
import fs from "node:fs";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedPath } from "../support/shared";
import { createTestLibrary, listOriginals, type TestLibrary } from "../support/test-library";

let lib: TestLibrary;
let files: {
  createFolder: typeof import("@/lib/files/create-folder").createFolder;
  listFolder: typeof import("@/lib/files/list-folder").listFolder;
  resolvePath: typeof import("@/lib/files/resolve-path").resolvePath;
  putFile: typeof import("@/lib/files/put-file").putFile;
  moveEntry: typeof import("@/lib/files/move-entry").moveEntry;
  renameEntry: typeof import("@/lib/files/rename-entry").renameEntry;
  copyEntry: typeof import("@/lib/files/copy-entry").copyEntry;
  trashEntry: typeof import("@/lib/files/trash-entry").trashEntry;
  restoreEntry: typeof import("@/lib/files/restore-entry").restoreEntry;
  listVersions: typeof import("@/lib/files/list-versions").listVersions;
  restoreVersion: typeof import("@/lib/files/restore-version").restoreVersion;
  placeAsset: typeof import("@/lib/files/place-asset").placeAsset;
  placeDriveFolders: typeof import("@/lib/files/place-drive-folders").placeDriveFolders;
};

beforeAll(async () => {
  lib = await createTestLibrary({ ALBUMS_FILE_VERSIONS: "2" });
  files = {
    ...(await import("@/lib/files/create-folder")), ...(await import("@/lib/files/list-folder")), ...(await import("@/lib/files/resolve-path")),
    ...(await import("@/lib/files/put-file")), ...(await import("@/lib/files/move-entry")), ...(await import("@/lib/files/rename-entry")),
    ...(await import("@/lib/files/copy-entry")), ...(await import("@/lib/files/trash-entry")), ...(await import("@/lib/files/restore-entry")),
    ...(await import("@/lib/files/list-versions")), ...(await import("@/lib/files/restore-version")), ...(await import("@/lib/files/place-asset")),
    ...(await import("@/lib/files/place-drive-folders")),
  };
});
afterAll(() => lib.cleanup());

const put = (folderId: string | null, name: string, data: Buffer | string) =>
  files.putFile(lib, { folderId, name, body: Readable.from([Buffer.from(data)]), client: "test", source: "files" });
const assetOf = (id: string) => lib.db.asset.findUniqueOrThrow({ where: { id } });

describe("the Files tree", () => {
  it("stores any file type and empty files, never in the timeline, and lists them by folder and path", async () => {
    const taxes = await files.createFolder(lib.db, { parentId: null, name: "Taxes 2024" });
    const forms = await files.createFolder(lib.db, { parentId: taxes.id, name: "Formulaires été" });
    const notes = await put(forms.id, "notes.txt", "line one\n");
    const empty = await put(forms.id, "empty", "");
    const zip = await put(taxes.id, "archive.zip", Buffer.from("PK\u0003\u0004not really a zip"));
    const photo = await put(taxes.id, "receipt.jpg", fs.readFileSync(sharedPath("fixtures", "photos", "jpg", "Canon_40D.jpg")));
    expect(notes.created).toBe(true);
    expect(notes.entry).toMatchObject({ name: "notes.txt", size: 9, mime: "text/plain", kind: "file" });
    expect(empty.entry).toMatchObject({ size: 0, kind: "file" });
    expect((await assetOf(zip.entry.assetId)).kind).toBe("file");
    expect(photo.entry.kind).toBe("photo"); // a photo in a folder is still in the gallery
    const listing = await files.listFolder(lib.db, forms.id);
    expect(listing.files.map((f) => f.name)).toEqual(["empty", "notes.txt"]);
    expect((await files.listFolder(lib.db, null)).folders.map((f) => f.name)).toEqual(["Taxes 2024"]);
    expect(await files.resolvePath(lib.db, ["Taxes 2024", "Formulaires été", "notes.txt"])).toMatchObject({ type: "file", id: notes.entry.id, etag: `"${notes.entry.sha256.slice(0, 32)}"` });
    expect(await files.resolvePath(lib.db, ["Taxes 2024", "nope"])).toBeNull();
    const { listAssets } = await import("@/lib/assets/list-assets");
    const timeline = await listAssets(lib.db, { view: "timeline", limit: 100 });
    expect(JSON.stringify(timeline)).not.toContain(notes.entry.assetId);
    expect(listOriginals(lib.paths).some((p) => p.includes(notes.entry.sha256))).toBe(true);
    await expect(files.createFolder(lib.db, { parentId: forms.id, name: "notes.txt" })).rejects.toMatchObject({ code: "name_taken" });
    await expect(files.createFolder(lib.db, { parentId: forms.id, name: "a/b" })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("keeps the previous contents as versions on overwrite (the newest N), and restores one", async () => {
    const dir = await files.createFolder(lib.db, { parentId: null, name: "versions" });
    const first = await put(dir.id, "doc.txt", "v1");
    await put(dir.id, "doc.txt", "v2");
    await put(dir.id, "doc.txt", "v3");
    const last = await put(dir.id, "doc.txt", "v4");
    expect(last.created).toBe(false);
    expect(last.entry.id).toBe(first.entry.id);
    const versions = await files.listVersions(lib.db, first.entry.id);
    expect(versions.map((v) => v.size)).toEqual([2, 2]); // ALBUMS_FILE_VERSIONS=2: v3, v2 kept
    // v1 left the versions: its asset went to the trash (purged later), never deleted outright.
    expect((await assetOf(first.entry.assetId)).trashedAt).not.toBeNull();
    expect(listOriginals(lib.paths).some((p) => p.includes(first.entry.sha256))).toBe(true);
    const again = await put(dir.id, "doc.txt", "v4");
    expect((await files.listVersions(lib.db, first.entry.id)).length).toBe(2); // same content: nothing changes
    expect(again.entry.sha256).toBe(last.entry.sha256);
    const restored = await files.restoreVersion(lib, { entryId: first.entry.id, versionId: versions[0]!.id });
    expect(restored.sha256).toBe(versions[0]!.sha256);
    expect((await files.listVersions(lib.db, first.entry.id))[0]!.sha256).toBe(last.entry.sha256);
  });

  it("trashes and restores folders and files; assets follow only when nothing else keeps them", async () => {
    const dir = await files.createFolder(lib.db, { parentId: null, name: "trash me" });
    const sub = await files.createFolder(lib.db, { parentId: dir.id, name: "sub" });
    const only = await put(sub.id, "only-here.bin", Buffer.from([1, 2, 3, 250]));
    const shared = await put(sub.id, "shared.txt", "shared bytes");
    await put(null, "shared elsewhere.txt", "shared bytes");
    await files.trashEntry(lib.db, { type: "folder", id: dir.id });
    expect(await files.resolvePath(lib.db, ["trash me", "sub", "only-here.bin"])).toBeNull();
    await expect(files.listFolder(lib.db, sub.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await assetOf(only.entry.assetId)).trashedAt).not.toBeNull();
    expect((await assetOf(shared.entry.assetId)).trashedAt).toBeNull();
    await files.createFolder(lib.db, { parentId: null, name: "trash me" }); // the name is free again
    const back = await files.restoreEntry(lib.db, { type: "folder", id: dir.id });
    expect(back.name).toBe("trash me (2)");
    expect((await assetOf(only.entry.assetId)).trashedAt).toBeNull();
    expect(await files.resolvePath(lib.db, ["trash me (2)", "sub", "only-here.bin"])).toMatchObject({ id: only.entry.id });
  });

  it("moves, renames and copies, refusing cycles and clashes unless told to replace", async () => {
    const a = await files.createFolder(lib.db, { parentId: null, name: "A" });
    const b = await files.createFolder(lib.db, { parentId: a.id, name: "B" });
    const f = await put(b.id, "f.txt", "f");
    await expect(files.moveEntry(lib.db, { ref: { type: "folder", id: a.id }, folderId: b.id })).rejects.toMatchObject({ code: "folder_cycle" });
    await expect(files.moveEntry(lib.db, { ref: { type: "folder", id: a.id }, folderId: a.id })).rejects.toMatchObject({ code: "folder_cycle" });
    await expect(files.copyEntry(lib.db, { ref: { type: "folder", id: a.id }, folderId: b.id })).rejects.toMatchObject({ code: "folder_cycle" });
    const copy = await files.copyEntry(lib.db, { ref: { type: "folder", id: a.id }, folderId: null, name: "A copy" });
    const copied = await files.resolvePath(lib.db, ["A copy", "B", "f.txt"]);
    expect(copied).toMatchObject({ type: "file", assetId: f.entry.assetId });
    expect((copied as { id: string }).id).not.toBe(f.entry.id);
    await put(a.id, "g.txt", "g");
    await expect(files.moveEntry(lib.db, { ref: { type: "file", id: f.entry.id }, folderId: a.id, name: "g.txt" })).rejects.toMatchObject({ code: "name_taken" });
    await files.moveEntry(lib.db, { ref: { type: "file", id: f.entry.id }, folderId: a.id, name: "g.txt", replace: true });
    expect(await files.resolvePath(lib.db, ["A", "g.txt"])).toMatchObject({ id: f.entry.id });
    // Onto itself: a move changes nothing, a copy is refused even with replace (it would trash its source).
    expect(await files.moveEntry(lib.db, { ref: { type: "file", id: f.entry.id }, folderId: a.id, replace: true })).toMatchObject({ id: f.entry.id, name: "g.txt" });
    await expect(files.copyEntry(lib.db, { ref: { type: "file", id: f.entry.id }, folderId: a.id, replace: true })).rejects.toMatchObject({ code: "name_taken" });
    await expect(files.moveEntry(lib.db, { ref: { type: "file", id: "no-such-entry" }, folderId: null })).rejects.toMatchObject({ code: "not_found" });
    await expect(files.copyEntry(lib.db, { ref: { type: "folder", id: a.id }, folderId: "no-such-folder" })).rejects.toMatchObject({ code: "not_found" });
    expect((await files.listFolder(lib.db, b.id)).files).toEqual([]);
    await files.renameEntry(lib.db, { ref: { type: "folder", id: copy.id }, name: "Renamed" });
    expect(await files.resolvePath(lib.db, ["Renamed", "B", "f.txt"])).not.toBeNull();
    const placed = await files.placeAsset(lib, { assetId: f.entry.assetId, folderId: null, name: "placed.txt" });
    expect(placed).toMatchObject({ created: true, entry: { assetId: f.entry.assetId } });
    await expect(files.placeAsset(lib, { assetId: f.entry.assetId, folderId: null, name: "placed.txt", onExisting: "fail" })).rejects.toMatchObject({ code: "name_taken" });
  });

  it("purges trashed folders and entries with the trash (by date or all), their versions' old contents too; versions are not Documents", async () => {
    const { purgeTrash } = await import("@/lib/assets/purge-trash");
    const { listAssets } = await import("@/lib/assets/list-assets");
    const documents = async () => (await listAssets(lib.db, { view: "documents", limit: 500 })).items.map((a) => a.id);
    const days = (n: number) => new Date(Date.now() - n * 86_400_000);
    const dir = await files.createFolder(lib.db, { parentId: null, name: "purge me" });
    const sub = await files.createFolder(lib.db, { parentId: dir.id, name: "sub" });
    const inside = await put(sub.id, "inside.txt", "only inside the purged folder");
    const v1 = await put(null, "report.txt", "report, first draft");
    const v2 = await put(null, "report.txt", "report, final");
    const photo = await put(null, "cam.jpg", fs.readFileSync(sharedPath("fixtures", "photos", "jpg", "Canon_40D.jpg")));
    const recent = await put(null, "recent.txt", "trashed yesterday");
    expect(await documents()).toEqual(expect.arrayContaining([v2.entry.assetId, inside.entry.assetId]));
    expect(await documents()).not.toContain(v1.entry.assetId); // an old version is reached from its file
    await files.trashEntry(lib.db, { type: "folder", id: dir.id }, days(40));
    await files.trashEntry(lib.db, { type: "file", id: v2.entry.id }, days(40));
    await files.trashEntry(lib.db, { type: "file", id: photo.entry.id }, days(40));
    await files.trashEntry(lib.db, { type: "file", id: recent.entry.id }, days(1));
    expect((await assetOf(v1.entry.assetId)).trashedAt).toBeNull(); // kept by the trashed entry's versions until the purge

    await purgeTrash(lib, { trashedBefore: days(30) });
    expect(await lib.db.folder.count({ where: { id: { in: [dir.id, sub.id] } } })).toBe(0);
    expect(await lib.db.fileEntry.count({ where: { id: { in: [inside.entry.id, v2.entry.id, photo.entry.id] } } })).toBe(0);
    expect(await lib.db.fileVersion.count({ where: { entryId: v2.entry.id } })).toBe(0);
    for (const gone of [inside, v1, v2]) {
      expect(await lib.db.asset.count({ where: { id: gone.entry.assetId } })).toBe(0);
      expect(listOriginals(lib.paths).some((p) => p.includes(gone.entry.sha256))).toBe(false);
    }
    expect((await assetOf(photo.entry.assetId)).trashedAt).toBeNull(); // the photo stays in the gallery
    expect((await lib.db.fileEntry.findUniqueOrThrow({ where: { id: recent.entry.id } })).trashedAt).not.toBeNull(); // inside the trash days
    await purgeTrash(lib, { all: true });
    expect(await lib.db.fileEntry.count({ where: { id: recent.entry.id } })).toBe(0);
    expect(await lib.db.asset.count({ where: { id: recent.entry.assetId } })).toBe(0);
  });

  it("puts Drive files from a Takeout into their folders, once, and rebuilds the tree from the journal", async () => {
    const { ingestAsset } = await import("@/lib/assets/ingest-asset");
    const { writeTempFile } = await import("@/lib/server/storage");
    for (const [name, folder, data] of [["return.pdf", "Taxes/2023", "%PDF-1.4 fake"], ["return.pdf", "Taxes/2023", "another return"], ["notes.csv", "", "a,b\n1,2\n"]] as const) {
      const temp = await writeTempFile(Readable.from([Buffer.from(data)]), lib.paths.tmp, 1e6);
      const { assetId } = await ingestAsset(lib, { temp, fileName: name, source: "takeout", client: "test", allowAnyFile: true });
      await lib.db.asset.update({ where: { id: assetId }, data: { folder } });
    }
    expect(await files.placeDriveFolders(lib.db)).toBe(3);
    expect(await files.placeDriveFolders(lib.db)).toBe(0);
    const taxes = await files.resolvePath(lib.db, ["Taxes", "2023"]);
    expect((await files.listFolder(lib.db, (taxes as { id: string }).id)).files.map((f) => f.name)).toEqual(["return (2).pdf", "return.pdf"]);
    expect(await files.resolvePath(lib.db, ["notes.csv"])).toMatchObject({ mime: "text/csv" });

    const before = await treeState();
    const { replayJournal } = await import("@/lib/journal/replay-journal");
    const { journalDirOf } = await import("@/lib/journal/journal-files");
    await lib.db.fileVersion.deleteMany();
    await lib.db.fileEntry.deleteMany();
    await lib.db.folder.deleteMany();
    await lib.db.setting.update({ where: { key: "journal.seq" }, data: { value: "0" } });
    await replayJournal(lib.db, journalDirOf(lib.paths.database));
    expect(await treeState()).toEqual(before);
  });
});

async function treeState() {
  const folders = await lib.db.folder.findMany({ orderBy: { id: "asc" }, select: { id: true, parentId: true, name: true, trashedAt: true } });
  const entries = await lib.db.fileEntry.findMany({ orderBy: { id: "asc" }, select: { id: true, folderId: true, name: true, assetId: true, trashedAt: true } });
  const versions = await lib.db.fileVersion.findMany({ orderBy: [{ entryId: "asc" }, { createdAt: "asc" }], select: { entryId: true, assetId: true } });
  return { folders: folders.map((f) => ({ ...f, trashed: f.trashedAt !== null, trashedAt: undefined })), entries: entries.map((e) => ({ ...e, trashed: e.trashedAt !== null, trashedAt: undefined })), versions };
}
