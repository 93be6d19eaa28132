// The Files area's HTTP API on a real library (temp SQLite + data dir), through the route handlers:
// folders (clashes, unusable names, missing parents, cycles), uploads into a folder with the
// subfolders of a dropped folder, a big file through the resumable upload then placed, rename,
// move, trash + restore, versions, a folder's ZIP with its tree, and search limited to a folder.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePdf } from "../support/make-pdf";
import { startBeforeNextServer } from "../support/before-next-server";
import { createTestLibrary, type TestLibrary } from "../support/test-library";
import { unzipEntries } from "../support/unzip";

let lib: TestLibrary;
let zipServer: Awaited<ReturnType<typeof startBeforeNextServer>> | undefined;
let r: {
  folders: typeof import("@/app/api/files/folders/route");
  folder: typeof import("@/app/api/files/folders/[id]/route");
  restoreFolder: typeof import("@/app/api/files/folders/[id]/restore/route");
  entry: typeof import("@/app/api/files/entries/[id]/route");
  restoreEntry: typeof import("@/app/api/files/entries/[id]/restore/route");
  content: typeof import("@/app/api/files/entries/[id]/content/route");
  versions: typeof import("@/app/api/files/entries/[id]/versions/route");
  restoreVersion: typeof import("@/app/api/files/entries/[id]/versions/[versionId]/restore/route");
  upload: typeof import("@/app/api/files/upload/route");
  place: typeof import("@/app/api/files/place/route");
  uploads: typeof import("@/app/api/uploads/route");
  uploadChunk: typeof import("@/app/api/uploads/[id]/route");
  finish: typeof import("@/app/api/uploads/[id]/finish/route");
  search: typeof import("@/app/api/search/route");
  text: typeof import("@/app/api/assets/[id]/text/route");
};

const json = { "content-type": "application/json" };
type View = import("@/lib/file-browser/folder-view").FolderView;

const createFolder = (parentId: string | null, name: string) => lib.call(r.folders.POST, { url: "/api/files/folders", method: "POST", headers: json, body: JSON.stringify({ parentId, name }) });
const view = async (id: string): Promise<View> => (await lib.call(r.folder.GET, { url: `/api/files/folders/${id}`, params: { id } })).json();
const upload = (folder: string, path: string, data: Buffer | string) =>
  lib.call(r.upload.POST, { url: `/api/files/upload?${new URLSearchParams({ folder, path })}`, method: "POST", headers: { "content-type": "application/octet-stream" }, body: new Uint8Array(typeof data === "string" ? Buffer.from(data) : data) });
const patch = (kind: "folder" | "entry", id: string, body: unknown) => lib.call((kind === "folder" ? r.folder : r.entry).PATCH, { url: `/api/files/x/${id}`, method: "PATCH", params: { id }, headers: json, body: JSON.stringify(body) });
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
const search = async (query: Record<string, string>) =>
  ((await (await lib.call(r.search.GET, { url: `/api/search?${new URLSearchParams(query)}` })).json()) as { items: { id: string }[] }).items.map((i) => i.id);
const reindex = async () => (await import("@/lib/search/update-text-index")).updateTextIndex(lib);

beforeAll(async () => {
  lib = await createTestLibrary();
  r = {
    folders: await import("@/app/api/files/folders/route"), folder: await import("@/app/api/files/folders/[id]/route"), restoreFolder: await import("@/app/api/files/folders/[id]/restore/route"),
    entry: await import("@/app/api/files/entries/[id]/route"), restoreEntry: await import("@/app/api/files/entries/[id]/restore/route"),
    content: await import("@/app/api/files/entries/[id]/content/route"), versions: await import("@/app/api/files/entries/[id]/versions/route"),
    restoreVersion: await import("@/app/api/files/entries/[id]/versions/[versionId]/restore/route"), upload: await import("@/app/api/files/upload/route"),
    place: await import("@/app/api/files/place/route"), uploads: await import("@/app/api/uploads/route"), uploadChunk: await import("@/app/api/uploads/[id]/route"),
    finish: await import("@/app/api/uploads/[id]/finish/route"), search: await import("@/app/api/search/route"), text: await import("@/app/api/assets/[id]/text/route"),
  };
});
afterAll(async () => {
  await zipServer?.close();
  await lib?.cleanup();
});

describe("the Files API", () => {
  let taxes: string;

  it("creates folders and refuses clashes, unusable names and missing parents clearly", async () => {
    const created = await createFolder(null, "Taxes");
    expect(created.status).toBe(201);
    taxes = ((await created.json()) as { id: string }).id;
    const clash = await createFolder(null, "Taxes");
    expect([clash.status, await errorCode(clash)]).toEqual([409, "name_taken"]);
    const slash = await createFolder(null, "a/b");
    expect([slash.status, await errorCode(slash)]).toEqual([422, "invalid_input"]);
    const orphan = await createFolder("no-such-folder", "x");
    expect([orphan.status, await errorCode(orphan)]).toEqual([404, "not_found"]);
    expect((await view("no-such-folder")).folders).toBeUndefined();
  });

  it("uploads files and a dropped folder's tree, lists folders first with breadcrumbs, downloads under the entry name", async () => {
    expect((await upload(taxes, "readme.md", "# Notes\n")).status).toBe(201);
    expect((await upload(taxes, "2024/forms/W-2.txt", "wages 2024")).status).toBe(201);
    expect((await upload(taxes, "2024/notes.txt", "call the accountant")).status).toBe(201);
    const bad = await upload(taxes, "2024/../x.txt", "x");
    expect([bad.status, await errorCode(bad)]).toEqual([422, "invalid_input"]);
    const top = await view(taxes);
    expect(top.path.map((p) => p.name)).toEqual(["Files", "Taxes"]);
    expect(top.folders.map((f) => f.name)).toEqual(["2024"]);
    expect(top.files.map((f) => [f.name, f.size])).toEqual([["readme.md", 8]]);
    const year = await view(top.folders[0]!.id);
    expect(year.path.map((p) => p.name)).toEqual(["Files", "Taxes", "2024"]);
    expect([year.folders.map((f) => f.name), year.files.map((f) => f.name)]).toEqual([["forms"], ["notes.txt"]]);
    const file = year.files[0]!;
    const got = await lib.call(r.content.GET, { url: `/api/files/entries/${file.id}/content`, params: { id: file.id } });
    expect(got.headers.get("content-disposition")).toContain('filename="notes.txt"');
    expect(await got.text()).toBe("call the accountant");
  });

  it("renames and moves with clash and cycle refusals, trashes and restores", async () => {
    const year = (await view(taxes)).folders[0]!;
    const readme = (await view(taxes)).files[0]!;
    expect((await patch("entry", readme.id, { name: "README.md" })).status).toBe(200);
    const clash = await patch("entry", readme.id, { name: "2024" });
    expect([clash.status, await errorCode(clash)]).toEqual([409, "name_taken"]);
    const forms = (await view(year.id)).folders[0]!;
    const cycle = await patch("folder", year.id, { folderId: forms.id });
    expect([cycle.status, await errorCode(cycle)]).toEqual([409, "folder_cycle"]);
    expect((await patch("entry", readme.id, { folderId: year.id })).status).toBe(200);
    expect((await view(year.id)).files.map((f) => f.name)).toEqual(["notes.txt", "README.md"]);
    expect((await lib.call(r.entry.DELETE, { url: "/x", method: "DELETE", params: { id: readme.id } })).status).toBe(204);
    expect((await view(year.id)).files.map((f) => f.name)).toEqual(["notes.txt"]);
    expect((await lib.call(r.restoreEntry.POST, { url: "/x", method: "POST", params: { id: readme.id } })).status).toBe(200);
    expect((await view(year.id)).files.map((f) => f.name)).toEqual(["notes.txt", "README.md"]);
    expect((await lib.call(r.folder.DELETE, { url: "/x", method: "DELETE", params: { id: forms.id } })).status).toBe(204);
    expect((await view(year.id)).folders).toEqual([]);
    expect((await lib.call(r.restoreFolder.POST, { url: "/x", method: "POST", params: { id: forms.id } })).status).toBe(200);
    expect((await view(year.id)).folders.map((f) => f.name)).toEqual(["forms"]);
    await patch("entry", readme.id, { folderId: taxes });
  });

  it("keeps the old content as a version on overwrite and restores it", async () => {
    const year = (await view(taxes)).folders[0]!;
    expect((await upload(year.id, "notes.txt", "call the accountant before April")).status).toBe(200);
    const notes = (await view(year.id)).files.find((f) => f.name === "notes.txt")!;
    expect(notes.versions).toBe(1);
    const { versions } = (await (await lib.call(r.versions.GET, { url: "/x", params: { id: notes.id } })).json()) as { versions: { id: number }[] };
    const restored = await lib.call(r.restoreVersion.POST, { url: "/x", method: "POST", params: { id: notes.id, versionId: String(versions[0]!.id) } });
    expect(restored.status).toBe(200);
    expect(await (await lib.call(r.content.GET, { url: "/x", params: { id: notes.id } })).text()).toBe("call the accountant");
  });

  it("files a big upload sent through the resumable path, any type kept", async () => {
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7) % 251));
    const created = await lib.call(r.uploads.POST, { url: "/api/uploads", method: "POST", headers: json, body: JSON.stringify({ name: "backup.bin", size: bytes.length, source: "files" }) });
    const { id } = (await created.json()) as { id: string };
    const sent = await lib.call(r.uploadChunk.PATCH, { url: `/api/uploads/${id}`, method: "PATCH", params: { id }, headers: { "upload-offset": "0", "content-type": "application/offset+octet-stream" }, body: bytes });
    expect(sent.status).toBe(204);
    const finished = await lib.call(r.finish.POST, { url: "/x", method: "POST", params: { id } });
    const { assetId } = (await finished.json()) as { assetId: string };
    const placed = await lib.call(r.place.POST, { url: "/api/files/place", method: "POST", headers: json, body: JSON.stringify({ assetId, folderId: taxes, path: "archive/backup.bin" }) });
    expect(placed.status).toBe(201);
    const archive = (await view(taxes)).folders.find((f) => f.name === "archive")!;
    const entry = (await view(archive.id)).files[0]!;
    expect([entry.name, entry.size, entry.kind]).toEqual(["backup.bin", bytes.length, "file"]);
  });

  it("downloads a folder as a ZIP with its tree, resumable", async () => {
    // Answered before Next.js by scripts/serve.ts's route function (a Node listener here).
    const server = (zipServer = await startBeforeNextServer());
    const folderZip = (id: string, headers: Record<string, string> = {}) => fetch(`${server.base}/api/files/folders/${id}/zip`, { headers });
    const res = await folderZip(taxes);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain('filename="Taxes.zip"');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get("content-length"))).toBe(bytes.length);
    const entries = await unzipEntries(bytes);
    expect([...entries.keys()]).toEqual(["Taxes/2024/forms/W-2.txt", "Taxes/2024/notes.txt", "Taxes/archive/backup.bin", "Taxes/README.md"]);
    expect(entries.get("Taxes/2024/notes.txt")!.toString()).toBe("call the accountant");
    const tail = await folderZip(taxes, { range: `bytes=100-`, "if-range": res.headers.get("etag")! });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(100))).toBe(true);
    const all = await unzipEntries(Buffer.from(await (await folderZip("root")).arrayBuffer()));
    expect([...all.keys()]).toContain("Files/Taxes/2024/notes.txt");
    // Empty folders are kept as directory entries (after the files); a new one changes the ETag.
    const empty = ((await (await createFolder(taxes, "2025")).json()) as { id: string }).id;
    await createFolder(empty, "receipts");
    const withEmpty = await folderZip(taxes);
    expect(withEmpty.headers.get("etag")).not.toBe(res.headers.get("etag"));
    const kept = await unzipEntries(Buffer.from(await withEmpty.arrayBuffer()));
    expect([...kept.keys()].slice(-1)).toEqual(["Taxes/2025/receipts/"]);
    expect((await unzipEntries(Buffer.from(await (await folderZip(empty)).arrayBuffer()))).keys()).toContain("2025/receipts/");
  });

  it("searches the words inside text files (bounded, binary skipped) and files by their current names after a rename or move", async () => {
    type Item = { id: string; assetId: string };
    const put = async (path: string, data: Buffer | string) => (await (await upload(taxes, path, data)).json()) as Item;
    const csv = await put("budget/2024.csv", "item,amount\ngroceries,120\nzeppelin rides,300\n");
    const md = await put("diary.md", "# Diary\n\nThe **quokka** smiled. <script>x</script>\n");
    const binary = await put("dump.log", Buffer.concat([Buffer.from("wombat "), Buffer.from([0, 1, 2, 0xff])]));
    const big = await put("huge.txt", `${"lorem ".repeat(60_000)}aardvark`);
    // A text file stored before its words were searched gets its reading at the worker's start.
    await lib.db.job.deleteMany({ where: { assetId: csv.assetId } });
    const { queueMissingEnrichment } = await import("@/lib/jobs/queue-missing-enrichment");
    expect(await queueMissingEnrichment(lib.db, [])).toBe(1);
    await lib.drain();
    const text = async (assetId: string) => (await lib.db.documentText.findUnique({ where: { assetId } }))?.text;
    expect(await text(csv.assetId)).toContain("zeppelin rides");
    expect(await text(binary.assetId)).toBeUndefined();
    expect((await text(big.assetId))!.length).toBeLessThanOrEqual(256 * 1024);
    expect(await lib.db.job.findMany({ where: { assetId: { in: [csv, md, binary, big].map((i) => i.assetId) } }, select: { status: true } })).toEqual(Array(4).fill({ status: "done" }));
    // The Markdown preview still reads the file itself, formatted.
    const preview = (await (await lib.call(r.text.GET, { url: "/x", params: { id: md.assetId } })).json()) as { format: string; source: string };
    expect(preview).toMatchObject({ format: "markdown", source: "file" });
    await reindex();
    expect(await search({ q: "zeppelin" })).toEqual([csv.assetId]);
    expect(await search({ q: "quokka" })).toEqual([md.assetId]);
    expect(await search({ q: "wombat" })).toEqual([]);

    expect(await search({ q: "honeymoon" })).toEqual([]);
    expect((await patch("entry", md.id, { name: "honeymoon journal.md" })).status).toBe(200);
    const budgets = ((await (await createFolder(null, "Budgets")).json()) as { id: string }).id;
    expect((await patch("entry", csv.id, { folderId: budgets, name: "household.csv" })).status).toBe(200);
    await reindex();
    expect(await search({ q: "honeymoon journal" })).toEqual([md.assetId]);
    // Limited to a folder, a result carries its name there.
    const found = (await (await lib.call(r.search.GET, { url: `/api/search?${new URLSearchParams({ q: "quokka", folder: taxes })}` })).json()) as { items: { name: string; entryName?: string }[] };
    expect(found.items.map((i) => [i.name, i.entryName])).toEqual([["diary.md", "honeymoon journal.md"]]);
    expect(await search({ q: "household", folder: budgets })).toEqual([csv.assetId]);
    expect(await search({ q: "zeppelin", folder: taxes })).toEqual([]);
  });

  it("searches a folder and what is under it only, by the words inside PDFs", async () => {
    const other = ((await (await createFolder(null, "Other")).json()) as { id: string }).id;
    const inTaxes = (await (await upload(taxes, "2024/forms.pdf", makePdf(["2024 tax forms for the household"]))).json()) as { assetId: string };
    const outside = (await (await upload(other, "copy.pdf", makePdf(["2024 tax forms, a second copy"]))).json()) as { assetId: string };
    // What the document-text job records (run by the worker; its own tests cover it).
    for (const { assetId } of [inTaxes, outside]) await lib.db.documentText.create({ data: { assetId, text: "2024 tax forms" } });
    await reindex();
    expect((await search({ q: "tax forms" })).sort()).toEqual([inTaxes.assetId, outside.assetId].sort());
    expect(await search({ q: "tax forms", folder: taxes })).toEqual([inTaxes.assetId]);
    expect(await search({ q: "tax forms", folder: other })).toEqual([outside.assetId]);
    expect(await search({ q: "", folder: other })).toEqual([outside.assetId]);
  });
});
