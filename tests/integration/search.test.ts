// Search end to end on a real temp library: real fixtures through POST /api/ingest, the real worker
// jobs (OCR, faces, places, CLIP on a constructed model), the text index, and GET /api/search.
import fs from "node:fs";
import http from "node:http";
import type net from "node:net";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTinyClipModel } from "../support/clip-model";
import { sharedFiles, sharedPath } from "../support/shared";
import { createTestLibrary, uploadForm, type TestLibrary } from "../support/test-library";

let lib: TestLibrary;
let embeddings: net.Server;
let captionEndpoint: http.Server;
let clipDir: string | undefined;
const captionRequests: { model: string }[] = [];

/**
 * Stands in for the owner's Ollama/OpenAI-compatible endpoint on their tailnet: looks at the photo
 * it is sent and captions red-dominated ones as a sunset (others as "an ordinary picture").
 */
async function startCaptionEndpoint(): Promise<string> {
  captionEndpoint = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk));
    req.on("end", () => {
      void (async () => {
        const request = JSON.parse(body) as { model: string; messages: { content: { type: string; image_url?: { url: string } }[] }[] };
        captionRequests.push({ model: request.model });
        const url = request.messages[0]!.content.find((part) => part.type === "image_url")!.image_url!.url;
        const { channels } = await sharp(Buffer.from(url.split(",")[1]!, "base64")).stats();
        const [r, g, b] = channels.map((c) => c.mean);
        const caption = r! > 1.5 * g! && r! > 1.5 * b! ? "A red sunset over a quiet harbour." : "An ordinary picture.";
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ choices: [{ message: { role: "assistant", content: caption } }] }));
      })();
    });
  });
  await new Promise<void>((resolve) => captionEndpoint.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(captionEndpoint.address() as net.AddressInfo).port}/v1`;
}
let routes: {
  ingest: typeof import("@/app/api/ingest/route");
  search: typeof import("@/app/api/search/route");
  people: typeof import("@/app/api/people/route");
  person: typeof import("@/app/api/people/[id]/route");
  merge: typeof import("@/app/api/people/[id]/merge/route");
  face: typeof import("@/app/api/faces/[id]/route");
  places: typeof import("@/app/api/places/route");
  similar: typeof import("@/app/api/assets/[id]/similar/route");
  models: typeof import("@/app/api/admin/models/route");
  duplicates: typeof import("@/app/api/duplicates/route");
};
const assetOf = new Map<string, string>();

type Hit = { id: string; match: { bm25: { rank: number; fields: Record<string, string[]> } | null; clip: { rank: number } | null } | null };
type SearchReply = { items: Hit[]; total: number; text: string; corrections: { typed: string; closeTo: string[] }[]; clip: { used: boolean; reason?: string; model?: string }; dateWords: { words: string } | null; nextCursor: string | null };

async function ingest(name: string, data: Buffer, fields: Record<string, string> = {}) {
  const res = await lib.call(routes.ingest.POST, { url: "/api/ingest", method: "POST", body: uploadForm({ name, data }, fields) });
  expect(res.status).toBe(201);
  assetOf.set(name, ((await res.json()) as { assetId: string }).assetId);
}

async function search(query: string): Promise<SearchReply> {
  const res = await lib.call(routes.search.GET, { url: `/api/search?${query}` });
  expect(res.status).toBe(200);
  return (await res.json()) as SearchReply;
}

const names = (reply: SearchReply) => reply.items.map((item) => [...assetOf].find(([, id]) => id === item.id)?.[0]);

/** A flat colour with noise, so it is a real photo-like JPEG and not a solid fill. */
async function colourPhoto(rgb: [number, number, number]): Promise<Buffer> {
  const noise = Buffer.from(Array.from({ length: 64 * 64 * 3 }, (_, i) => Math.max(0, Math.min(255, rgb[i % 3]! + Math.round(Math.random() * 40 - 20)))));
  return sharp(noise, { raw: { width: 64, height: 64, channels: 3 } }).jpeg().toBuffer();
}

beforeAll(async () => {
  clipDir = await writeTinyClipModel();
  lib = await createTestLibrary({
    ALBUMS_FACE_MODEL_DIR: sharedPath("models", "faces"), ALBUMS_CLIP_MODEL_DIR: clipDir,
    ALBUMS_CAPTION_URL: await startCaptionEndpoint(), ALBUMS_CAPTION_MODEL: "llava:7b",
  });
  routes = {
    ingest: await import("@/app/api/ingest/route"),
    search: await import("@/app/api/search/route"),
    people: await import("@/app/api/people/route"),
    person: await import("@/app/api/people/[id]/route"),
    merge: await import("@/app/api/people/[id]/merge/route"),
    face: await import("@/app/api/faces/[id]/route"),
    places: await import("@/app/api/places/route"),
    similar: await import("@/app/api/assets/[id]/similar/route"),
    models: await import("@/app/api/admin/models/route"),
    duplicates: await import("@/app/api/duplicates/route"),
  };
  const { serveTextEmbeddings } = await import("@/lib/ml/serve-text-embeddings");
  const { withClipEncoder } = await import("@/lib/jobs/handlers/ml-sessions");
  embeddings = await serveTextEmbeddings(lib.paths.mlSocket, (text) =>
    withClipEncoder(lib.config, async (encoder) => ({ model: encoder.modelId, vector: await encoder.embedText(text) })),
  );
  const files = [...sharedFiles("fixtures", "text"), ...sharedFiles("fixtures", "faces"), ...sharedFiles("fixtures", "photos", "jpg", "gps")];
  const { readFileSync } = await import("node:fs");
  for (const file of files) await ingest(path.basename(file), readFileSync(file));
  // The colour photos are from 1999, so a date filter can pit them against each other alone.
  await ingest("IMG_0001.jpg", await colourPhoto([220, 30, 30]), { capturedAt: "1999-06-01T10:00:00Z" });
  await ingest("IMG_0002.jpg", await colourPhoto([30, 200, 40]), { capturedAt: "1999-06-02T10:00:00Z" });
  await ingest("IMG_0003.jpg", await colourPhoto([30, 40, 220]), { capturedAt: "1999-06-03T10:00:00Z" });
  // A re-encoded copy of the red photo (other bytes, same picture), just before it in time.
  const red = await sharp(await colourPhoto([220, 30, 30])).jpeg({ quality: 40 }).toBuffer();
  await ingest("IMG_0001_copy.jpg", red, { capturedAt: "1998-12-31T10:00:00Z" });
  await lib.drain();
  const { updateTextIndex } = await import("@/lib/search/update-text-index");
  await updateTextIndex(lib);
}, 600_000);

afterAll(async () => {
  embeddings?.close();
  captionEndpoint?.close();
  await lib?.cleanup();
  if (clipDir) fs.rmSync(clipDir, { recursive: true, force: true });
});

describe("text in photos", () => {
  it("finds a word printed in a photo first, and says why", async () => {
    const reply = await search("q=parking");
    expect(names(reply)[0]).toBe("scenetext01.jpg");
    expect(reply.items[0]!.match!.bm25).toMatchObject({ rank: 1, fields: { ocr: ["park"] } });
    expect(reply.clip.used).toBe(true);
  });

  it("finds the screenshot by the amount on it and the scanned page by its heading", async () => {
    expect(names(await search("q=invoice"))[0]).toBe("screenshot_synthetic.png");
    expect(names(await search("q=segmentation"))[0]).toBe("page.png");
  });
});

describe("captions from the owner's endpoint", () => {
  it("captions every photo through the endpoint and finds them by the caption's words", async () => {
    expect(captionRequests.length).toBeGreaterThanOrEqual(assetOf.size - 1);
    expect(captionRequests.every((r) => r.model === "llava:7b")).toBe(true);
    const reply = await search("q=sunset&limit=100");
    expect(names(reply)).toEqual(expect.arrayContaining(["IMG_0001.jpg", "IMG_0001_copy.jpg"]));
    const textual = reply.items.filter((item) => item.match!.bm25);
    expect(textual.length).toBeGreaterThanOrEqual(2);
    for (const item of textual) expect(item.match!.bm25!.fields).toEqual({ caption: ["sunset"] });
  });
});

describe("people", () => {
  type Person = { id: string; name: string | null; photos: number; cover: { faceId: string } };
  const people = async () => ((await (await lib.call(routes.people.GET, { url: "/api/people" })).json()) as { people: Person[] }).people;
  const photosOf = async (personId: string) => names(await search(`person=${personId}&limit=100`)).sort();

  it("groups the 13 face photos into exactly the 5 people of their file names", async () => {
    const expected: Record<string, string[]> = {
      alex_lacamoire: ["alex_lacamoire_img1.jpg", "test_alex_lacamoire1.jpg"],
      biden: ["biden_biden.jpg", "biden_biden2.jpg", "test_obama_and_biden.jpg"],
      kit_harington: ["kit_harington_john1.jpeg", "kit_harington_john2.jpeg"],
      obama: ["obama_obama.jpg", "obama_obama2.jpg", "test_images_obama3.jpg", "test_obama1.jpg", "test_obama_and_biden.jpg"],
      rose_leslie: ["rose_leslie_img1.jpg", "rose_leslie_img2.jpg"],
    };
    const clusters = await Promise.all((await people()).map(async (p) => ({ ...p, files: await photosOf(p.id) })));
    for (const [person, files] of Object.entries(expected)) {
      const matching = clusters.filter((c) => c.files.some((f) => files.includes(f!) && f !== "test_obama_and_biden.jpg"));
      expect(matching, person).toHaveLength(1);
      expect(matching[0]!.files, person).toEqual(files.sort());
    }
    // The bystander of the group photo is its third face: unclustered (too small) or alone.
    const group = await lib.db.face.findMany({ where: { assetId: assetOf.get("test_obama_and_biden.jpg") }, include: { person: { include: { faces: true } } } });
    expect(group).toHaveLength(3);
    const bystander = group.filter((f) => !clusters.some((c) => c.id === f.personId && c.files.length > 1));
    expect(bystander).toHaveLength(1);
    expect(bystander[0]!.person?.faces.length ?? 1).toBe(1);
    expect(clusters).toHaveLength(5 + (bystander[0]!.personId ? 1 : 0));
  });

  it("names a person, finds their photos by the name, merges and moves faces", async () => {
    const all = await people();
    const obama = all.find((p) => p.photos === 5)!;
    expect((await lib.call(routes.person.PATCH, { url: `/api/people/${obama.id}`, method: "PATCH", params: { id: obama.id }, body: JSON.stringify({ name: "Barack Obama" }), headers: { "content-type": "application/json" } })).status).toBe(204);
    const { updateTextIndex } = await import("@/lib/search/update-text-index");
    await updateTextIndex(lib);
    const byName = await search("q=obama");
    expect(names(byName).slice(0, 5).sort()).toEqual(["obama_obama.jpg", "obama_obama2.jpg", "test_images_obama3.jpg", "test_obama1.jpg", "test_obama_and_biden.jpg"]);
    expect(byName.items[0]!.match!.bm25!.fields.people).toEqual(["obama"]);

    // Move Obama's cover face out to a new person, then merge that person back.
    const moved = await lib.call(routes.face.PATCH, { url: `/api/faces/${obama.cover.faceId}`, method: "PATCH", params: { id: obama.cover.faceId }, body: JSON.stringify({ personId: null }), headers: { "content-type": "application/json" } });
    const { personId } = (await moved.json()) as { personId: string };
    expect((await people()).find((p) => p.id === obama.id)!.photos).toBe(4);
    expect((await lib.call(routes.merge.POST, { url: `/api/people/${personId}/merge`, method: "POST", params: { id: personId }, body: JSON.stringify({ into: obama.id }), headers: { "content-type": "application/json" } })).status).toBe(200);
    expect((await people()).find((p) => p.id === obama.id)).toMatchObject({ name: "Barack Obama", photos: 5 });
    expect((await people()).some((p) => p.id === personId)).toBe(false);
  });
});

describe("places and dates", () => {
  const gps = sharedFiles("fixtures", "photos", "jpg", "gps").map((f) => path.basename(f)).sort();

  it("names the town of the GPS photos and finds them by 'arezzo 2008'", async () => {
    const reply = await search("q=arezzo%202008&limit=100");
    expect(reply.dateWords).toMatchObject({ words: "2008" });
    expect(reply.text).toBe("arezzo");
    expect(names(reply).sort()).toEqual(expect.arrayContaining(gps.filter((f) => f.startsWith("DSCN00"))));
    expect(reply.items.every((item) => item.match!.bm25?.fields.place?.includes("arezzo"))).toBe(true);
    const places = (await (await lib.call(routes.places.GET, { url: "/api/places" })).json()) as { countries: { code: string; cities: { name: string; region: string }[] }[] };
    expect(places.countries.find((c) => c.code === "IT")!.cities[0]).toMatchObject({ name: "Arezzo", region: "Tuscany" });
  });

  it("applies place, date and kind as hard filters on both rankings", async () => {
    const inItaly = await search("place=Italy&limit=100");
    expect(inItaly.items.length).toBeGreaterThan(0);
    expect(names(inItaly).every((n) => gps.includes(n!))).toBe(true);
    expect((await search("q=parking&from=2030-01-01")).items).toEqual([]);
    expect((await search("q=red&kind=video")).items).toEqual([]);
    const photos = await search("q=parking&kind=photo");
    expect(names(photos)[0]).toBe("scenetext01.jpg");
  });
});

describe("file names and typos", () => {
  it("finds a file by its name, whole or in part", async () => {
    const nikon = await search("q=DSCN0010.jpg");
    expect(names(nikon)[0]).toBe("DSCN0010.jpg");
    expect(nikon.clip).toMatchObject({ used: false }); // look-alikes would push the named file down
    expect(names(await search("q=IMG_0002"))[0]).toBe("IMG_0002.jpg");
    expect(names(await search("q=IMG_000")).slice(0, 4).sort()).toEqual(["IMG_0001.jpg", "IMG_0001_copy.jpg", "IMG_0002.jpg", "IMG_0003.jpg"]);
  });

  it("forgives a typo in a longer word and says what it searched instead", async () => {
    const parking = await search("q=parkng&kind=photo");
    expect(names(parking)[0]).toBe("scenetext01.jpg");
    expect(parking.corrections).toEqual([expect.objectContaining({ typed: "parkng", closeTo: ["parking"] })]);
    const arezzo = await search("q=Arrezzo&limit=100");
    expect(names(arezzo).sort()).toEqual(expect.arrayContaining(sharedFiles("fixtures", "photos", "jpg", "gps").map((f) => path.basename(f)).filter((f) => f.startsWith("DSCN00"))));
    expect((await search("q=arezzo")).corrections).toEqual([]);
  });
});

describe("CLIP (constructed model: plumbing, not semantics)", () => {
  // The constructed encoder only measures "redder/greener/bluer than CLIP's mean colour", so real
  // photos compete unpredictably; the 1999 filter leaves the three constructed photos (and shows
  // the filter reaching the CLIP side).
  it("ranks the red photo first for 'red' through tokenizer, session, storage and fusion", async () => {
    for (const [colour, file] of [["red", "IMG_0001.jpg"], ["green", "IMG_0002.jpg"], ["blue", "IMG_0003.jpg"]]) {
      const reply = await search(`q=a%20${colour}%20photo&from=1999-01-01&to=2000-01-01`);
      expect(reply.clip.used).toBe(true);
      expect(names(reply), colour).toHaveLength(3);
      expect(names(reply)[0], colour).toBe(file);
      expect(reply.items[0]!.match!.clip).toMatchObject({ rank: 1 });
    }
    // The kind filter reaches the CLIP side too.
    expect(names(await search("q=a%20red%20photo&from=1999-01-01&to=2000-01-01&kind=photo"))).toHaveLength(3);
    expect((await search("q=a%20red%20photo&from=1999-01-01&to=2000-01-01&kind=video")).items).toEqual([]);
  });

  it("lists similar photos by embedding", async () => {
    const id = assetOf.get("IMG_0001.jpg")!;
    const res = await lib.call(routes.similar.GET, { url: `/api/assets/${id}/similar`, params: { id } });
    const body = (await res.json()) as { items: { id: string; similarity: number }[] };
    expect(body.items[0]!.id).not.toBe(id);
    expect(body.items.map((i) => i.id)).not.toContain(id);
    expect(body.items[0]!.similarity).toBeGreaterThanOrEqual(body.items.at(-1)!.similarity);
  });

  it("groups near-duplicates: the re-encoded copy with its original, not with other colours", async () => {
    const body = (await (await lib.call(routes.duplicates.GET, { url: "/api/duplicates" })).json()) as { groups: { copies: { id: string }[] }[] };
    const red = body.groups.map((g) => g.copies.map((c) => c.id)).find((ids) => ids.includes(assetOf.get("IMG_0001.jpg")!));
    expect(red).toContain(assetOf.get("IMG_0001_copy.jpg"));
    for (const other of ["IMG_0002.jpg", "IMG_0003.jpg"]) expect(red).not.toContain(assetOf.get(other));
  });

  it("degrades to BM25 with the reason when the worker cannot embed the query", async () => {
    embeddings.close();
    const reply = await search("q=parking");
    expect(reply.clip).toEqual({ used: false, reason: "the worker is not running" });
    expect(names(reply)[0]).toBe("scenetext01.jpg");
  });

  it("reports which models are present", async () => {
    const body = (await (await lib.call(routes.models.GET, { url: "/api/admin/models" })).json()) as { models: { kind: string; present: boolean }[] };
    expect(Object.fromEntries(body.models.map((m) => [m.kind, m.present]))).toEqual({ ocr: true, faces: true, clip: true, caption: true });
  });
});
