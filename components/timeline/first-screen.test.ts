import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import type { AssetSummary } from "../types";
import { FirstScreen, firstScreenData, seedMonths } from "./first-screen";

const asset = (id: string, capturedAt: string, extra: Partial<AssetSummary> = {}): AssetSummary => ({
  id, kind: "photo", name: `${id}.jpg`, mimeType: "image/jpeg", capturedAt, width: 4000, height: 3000, durationMs: null, thumbhash: null, decodeState: "ok",
  favorite: false, thumbnails: { sm: true, md: true }, thumbnailVersion: `v${id}`, previewVersion: null, offline: false, ...extra,
});

// Newest first, as listAssets answers: two days of February (at UTC+1 the last one is 1 February), then January.
const page = {
  items: [asset("a", "2026-02-03T10:00:00Z"), asset("b", "2026-02-03T08:00:00Z", { width: 1000, height: 3000 }), asset("c", "2026-01-31T23:30:00Z"), asset("d", "2026-01-20T12:00:00Z")],
  nextCursor: "after-d",
};

describe("first screen", () => {
  it("labels each day once, in the browser's language, grouped at the viewer's offset", () => {
    const first = firstScreenData(page, 60, "de-DE,de;q=0.9,en;q=0.5");
    expect(Object.keys(first.labels)).toEqual(["2026-02-03", "2026-02-01", "2026-01-20"]);
    expect(first.labels["2026-02-03"]).toMatch(/3\. Feb/);
    // A header that is no language falls back to the runtime's own.
    expect(firstScreenData(page, 0, "*;q=0.1, !!").labels["2026-01-31"]).toBeTruthy();
  });

  it("starts each month with its photos: complete but the last, which goes on from the page's cursor", () => {
    const months = seedMonths(firstScreenData(page, 60, null));
    expect([...months.keys()]).toEqual(["2026-02", "2026-01"]);
    expect(months.get("2026-02")).toEqual({ items: page.items.slice(0, 3), cursor: null });
    expect(months.get("2026-01")).toEqual({ items: page.items.slice(3), cursor: "after-d" });
  });

  it("is plain HTML: day labels, then <img> tiles with versioned thumbnail URLs, the first at high priority", () => {
    const html = renderToStaticMarkup(createElement(FirstScreen, { first: firstScreenData(page, 60, "en-US") }));
    expect(html.match(/<h2[^>]*>[^<]+<\/h2>/g)).toHaveLength(3);
    const imgs = html.match(/<img [^>]*>/g)!;
    expect(imgs).toHaveLength(4);
    expect(imgs[0]).toContain('src="/api/assets/a/thumbnail?size=sm&amp;v=va"');
    expect(imgs[0]).toMatch(/fetchPriority="high"|fetchpriority="high"/);
    // Photos keep their aspect ratio, clamped as the client's layout does (a 1:3 portrait at 0.5).
    expect(html).toContain("aspect-ratio:0.5");
  });
});
