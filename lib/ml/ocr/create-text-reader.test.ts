import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedPath } from "@/tests/support/shared";
import { createTextReader } from "./create-text-reader";
import { defaultModelDir } from "./default-model-dir";
import type { OcrLine, OcrResult, TextReader } from "./ocr-types";

const fixture = (name: string) => fs.readFileSync(sharedPath("fixtures", "text", name));
// The recogniser sometimes drops or adds a space between words; compare letters and digits only.
const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");
const lineWith = (result: OcrResult, words: string) => result.lines.find((line) => squash(line.text).includes(squash(words)));
const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);

function expectBoxesInside(result: OcrResult) {
  for (const { box } of result.lines) {
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.width).toBeGreaterThan(0);
    expect(box.height).toBeGreaterThan(0);
    expect(box.x + box.width).toBeLessThanOrEqual(result.width);
    expect(box.y + box.height).toBeLessThanOrEqual(result.height);
  }
}

function expectNear(line: OcrLine | undefined, expected: { x: number; y: number; width: number; height: number }, tolerance: number) {
  expect(line).toBeDefined();
  for (const key of ["x", "y", "width", "height"] as const) expect(Math.abs(line!.box[key] - expected[key])).toBeLessThanOrEqual(tolerance);
}

describe("createTextReader (real PP-OCRv4 models)", () => {
  let reader: TextReader;
  const results = new Map<string, OcrResult>();

  beforeAll(async () => {
    reader = await createTextReader();
    console.log(`OCR models loaded: RSS ${rssMb()} MiB`);
    for (const file of fs.readdirSync(sharedPath("fixtures", "text")).sort()) {
      const started = performance.now();
      results.set(file, await reader.read(fixture(file)));
      console.log(`OCR ${file}: ${Math.round(performance.now() - started)} ms, ${results.get(file)!.lines.length} lines`);
    }
    console.log(`OCR after all fixtures: RSS ${rssMb()} MiB`);
  });

  afterAll(async () => {
    await reader?.close();
  });

  it("reports the upright size and only boxes inside it, for every fixture", async () => {
    expect(results.size).toBeGreaterThanOrEqual(8);
    for (const [file, result] of results) {
      const meta = await sharp(fixture(file)).metadata();
      expect([result.width, result.height], file).toEqual([meta.autoOrient.width, meta.autoOrient.height]);
      expectBoxesInside(result);
      for (const line of result.lines) {
        expect(line.text.trim()).toBe(line.text);
        expect(line.score).toBeGreaterThanOrEqual(0.5);
        expect(line.score).toBeLessThanOrEqual(1);
      }
    }
  });

  it("reads the street sign, PARKING included, in reading order and where it is", () => {
    const result = results.get("scenetext01.jpg")!;
    const sign = result.lines.slice(0, 5).map((line) => line.text);
    expect(sign.slice(0, 4)).toEqual(["NOTICE", "DOUBLE", "PARKING", "PROHIBITED"]);
    expect(squash(sign[4]!)).toBe("atalltimes");
    // The sign hangs at x ≈ 275–430, the PARKING row at y ≈ 130–165 of the 800×600 photo.
    expectNear(lineWith(result, "PARKING"), { x: 277, y: 130, width: 147, height: 33 }, 8);
  });

  it("reads the direction sign and the shop sign", () => {
    const directions = results.get("scenetext02.jpg")!;
    const order = ["Sports Centre", "Conference Centre", "Car Parks"].map((words) => directions.lines.indexOf(lineWith(directions, words)!));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(squash(results.get("scenetext03.jpg")!.text)).toContain("thecopycentre");
  });

  it("reads every line of the screenshot, top to bottom", () => {
    const result = results.get("screenshot_synthetic.png")!;
    expect(result.lines.map((line) => squash(line.text))).toEqual([
      "settingswifinetwork",
      "connectedtohomenetwork5g",
      "ipaddress192168142",
      "invoicetotal124999duemarch152024",
      "savechanges",
      "thequickbrownfoxjumpsoverthelazydog",
    ]);
    expect(result.text).toContain("192.168.1.42");
    expect(result.text).toContain("$1,249.99");
    expectNear(lineWith(result, "Save changes"), { x: 61, y: 233, width: 129, height: 24 }, 8);
  });

  it("reads the scanned pages line by line", () => {
    const page = results.get("page.png")!;
    expect(squash(page.lines[0]!.text)).toBe("regionbasedsegmentation");
    for (const words of ["markers of the coins", "pixels that we can label", "histogram of grey values", "np.zeros_like(coins)"]) {
      expect(lineWith(page, words), words).toBeDefined();
    }
    const book = results.get("imageTextN.png")!;
    expect(book.lines).toHaveLength(13);
    expect(book.lines[0]!.text).toBe("technical details are too complex to cover in the book itself.");
    expect(book.lines[12]!.text).toBe("inspiration from three high-level approaches:");
    expect(book.text).toContain("conference papers!");
  });

  it("invents no text in the motion-blurred number plate or the handwritten formulas", () => {
    expect(results.get("licenseplate_motion.jpg")!.lines).toEqual([]);
    expect(results.get("text.png")!.lines).toEqual([]);
  });

  it("applies EXIF orientation: boxes are in upright pixels", async () => {
    // Stored turned a quarter left, tagged "rotate 90° clockwise to display".
    const stored = await sharp(fixture("screenshot_synthetic.png")).rotate(270).withMetadata({ orientation: 6 }).jpeg({ quality: 95 }).toBuffer();
    const result = await reader.read(stored);
    expect([result.width, result.height]).toEqual([900, 360]);
    expectNear(lineWith(result, "Save changes"), { x: 61, y: 233, width: 129, height: 24 }, 8);
  });

  it("reads an upside-down picture (no EXIF) through the direction classifier", async () => {
    const turned = await sharp(fixture("screenshot_synthetic.png")).rotate(180).png().toBuffer();
    const result = await reader.read(turned);
    expect(squash(result.lines[0]!.text)).toBe("settingswifinetwork");
    expect(squash(result.text)).toContain("thequickbrownfoxjumpsoverthelazydog");
    expectNear(lineWith(result, "Save changes"), { x: 900 - 61 - 129, y: 360 - 233 - 24, width: 129, height: 24 }, 8);
  });

  it("downscales a very large photo and still maps boxes to its pixels", async () => {
    const big = await sharp(fixture("scenetext01.jpg")).resize(6000, 4500).jpeg({ quality: 90 }).toBuffer();
    const started = performance.now();
    const result = await reader.read(big);
    console.log(`OCR 6000×4500 scenetext01: ${Math.round(performance.now() - started)} ms, RSS ${rssMb()} MiB`);
    expect([result.width, result.height]).toEqual([6000, 4500]);
    expectNear(lineWith(result, "PARKING"), { x: 277 * 7.5, y: 130 * 7.5, width: 147 * 7.5, height: 33 * 7.5 }, 80);
  });

  it("gives no lines for blank and tiny images", async () => {
    const blank = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#ffffff" } }).png().toBuffer();
    expect(await reader.read(blank)).toEqual({ width: 640, height: 480, text: "", lines: [] });
    const tiny = await sharp({ create: { width: 3, height: 2, channels: 4, background: "#00000000" } }).png().toBuffer();
    expect(await reader.read(tiny)).toEqual({ width: 3, height: 2, text: "", lines: [] });
  });

  it("rejects bytes that are not an image with a clear error", async () => {
    await expect(reader.read(Buffer.from("definitely not a photo"))).rejects.toThrow(/OCR: cannot decode image/);
    await expect(reader.read(Buffer.alloc(0))).rejects.toThrow(/OCR: cannot decode image/);
  });

  it("finds the models in the installed package, and names what is missing in a wrong folder", async () => {
    for (const file of ["ch_PP-OCRv4_det_infer.onnx", "ch_PP-OCRv4_rec_infer.onnx", "ch_ppocr_mobile_v2.0_cls_infer.onnx", "ppocr_keys_v1.txt"]) {
      expect(fs.existsSync(path.join(defaultModelDir(), file)), file).toBe(true);
    }
    await expect(createTextReader({ modelDir: sharedPath("fixtures", "text") })).rejects.toThrow(/ppocr_keys_v1\.txt/);
  });
});
