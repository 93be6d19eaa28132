// Google Takeout's people names: searchable from the import on (before any face is found), then a
// face cluster whose photos' sidecars mostly name one person carries that name, marked as from
// Takeout; the owner's own name or removal wins. Faces run on face-api's models from npm.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedPath } from "../support/shared";
import { sidecar, writeParts } from "../support/takeout-builder";
import { createTestLibrary, type TestLibrary } from "../support/test-library";

let lib: TestLibrary;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-takeout-people-"));
const PHOTOS: [string, string[]][] = [
  ["obama_obama.jpg", ["Barack Obama"]],
  ["obama_obama2.jpg", ["Barack Obama"]],
  ["biden_biden.jpg", ["Joe Biden"]],
  ["test_obama_and_biden.jpg", ["Barack Obama", "Joe Biden"]],
];

beforeAll(async () => {
  lib = await createTestLibrary({ ALBUMS_ENRICHMENT: "faces" });
});
afterAll(async () => {
  await lib?.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function search(q: string): Promise<string[]> {
  const { updateTextIndex } = await import("@/lib/search/update-text-index");
  await updateTextIndex(lib);
  const route = await import("@/app/api/search/route");
  const res = await lib.call(route.GET, { url: `/api/search?q=${encodeURIComponent(q)}` });
  expect(res.status).toBe(200);
  const { items } = (await res.json()) as { items: { id: string }[] };
  const assets = await lib.db.asset.findMany({ where: { id: { in: items.map((i) => i.id) } }, select: { originalName: true } });
  return assets.map((a) => a.originalName).sort();
}

describe("Takeout people names", () => {
  it("are searchable from the import, name the clusters they agree on, and yield to the owner", async () => {
    const [part] = await writeParts(dir, {
      "takeout-001.zip": PHOTOS.flatMap(([file, people]) => [
        { path: `Takeout/Google Photos/Photos from 2012/${file}`, data: fs.readFileSync(sharedPath("fixtures", "faces", file)) },
        { path: `Takeout/Google Photos/Photos from 2012/${file}.json`, data: sidecar({ title: file, takenAt: "2012-06-01T12:00:00Z", people }) },
      ]),
    });
    const { importTakeout } = await import("@/lib/takeout/import-takeout");
    await importTakeout(lib, [part!]);
    expect(await lib.db.face.count()).toBe(0);
    expect(await search("Biden")).toEqual(["biden_biden.jpg", "test_obama_and_biden.jpg"]);

    await lib.drain();
    const people = await lib.db.person.findMany({ include: { faces: { include: { asset: { select: { originalName: true } } } } } });
    const named = Object.fromEntries(people.filter((p) => p.name).map((p) => [p.name, { source: p.nameSource, photos: p.faces.map((f) => f.asset.originalName).sort() }]));
    expect(named).toEqual({
      "Barack Obama": { source: "takeout", photos: ["obama_obama.jpg", "obama_obama2.jpg", "test_obama_and_biden.jpg"] },
      "Joe Biden": { source: "takeout", photos: ["biden_biden.jpg", "test_obama_and_biden.jpg"] },
    });
    const list = await import("@/app/api/people/route");
    const body = (await (await lib.call(list.GET, { url: "/api/people" })).json()) as { people: { id: string; name: string | null; nameSource: string | null }[] };
    const biden = body.people.find((p) => p.name === "Joe Biden")!;
    expect(biden.nameSource).toBe("takeout");

    // The owner removes the Takeout name: it stays removed when the photo's faces are stored again.
    const one = await import("@/app/api/people/[id]/route");
    const patch = await lib.call(one.PATCH, { url: `/api/people/${biden.id}`, method: "PATCH", params: { id: biden.id }, headers: { "content-type": "application/json" }, body: JSON.stringify({ name: null }) });
    expect(patch.status).toBeLessThan(300);
    const { namePeopleFromTakeout } = await import("@/lib/people/name-people-from-takeout");
    expect(await namePeopleFromTakeout(lib.db, [biden.id])).toEqual([]);
    expect(await lib.db.person.findUnique({ where: { id: biden.id }, select: { name: true, nameSource: true } })).toEqual({ name: null, nameSource: "owner" });
  });

  it("need one leading name on more than half of the person's faces (a group photo alone decides nothing)", async () => {
    const assetOf = async (name: string) => (await lib.db.asset.findFirstOrThrow({ where: { originalName: name } })).id;
    const person = async (files: string[]) => {
      const id = `p-${files.join("-")}`;
      await lib.db.person.create({ data: { id } });
      for (const [i, file] of files.entries()) {
        await lib.db.face.create({ data: { id: `${id}-${i}`, assetId: await assetOf(file), x: 0.01 * i, y: 0, width: 0.1, height: 0.1, score: 1, embedding: Buffer.alloc(512), personId: id } });
      }
      return id;
    };
    const { namePeopleFromTakeout } = await import("@/lib/people/name-people-from-takeout");
    const groupOnly = await person(["test_obama_and_biden.jpg"]);
    const tied = await person(["obama_obama.jpg", "biden_biden.jpg", "test_obama_and_biden.jpg"]);
    const majority = await person(["biden_biden.jpg", "test_obama_and_biden.jpg", "obama_obama.jpg", "biden_biden.jpg"]);
    // groupOnly: Obama 1 – Biden 1, a tie. tied: Obama 2 – Biden 2 of 3 faces. majority: Biden 3 of 4.
    expect(await namePeopleFromTakeout(lib.db, [groupOnly, tied, majority])).toEqual([{ id: majority, name: "Joe Biden" }]);
  });
});
