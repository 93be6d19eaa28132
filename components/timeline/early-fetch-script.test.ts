import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { qs } from "../api";
import { earlyFetchScript } from "./early-fetch-script";
import { monthWindow } from "./timeline-layout";

/** Runs the inline script with a fake fetch; returns the URLs it asked for, in order. */
async function run(tzOffsetMinutes: number, days: { day: string }[], seededTz?: number): Promise<{ asked: string[]; early: Record<string, unknown>; cookie: string }> {
  const asked: string[] = [];
  const window: Record<string, unknown> = {};
  const fetch = (url: string) => {
    asked.push(url);
    const body = url.startsWith("/api/timeline/days") ? { days, total: days.length } : {};
    const response = { ok: true, json: async () => body, clone: () => response };
    return Promise.resolve(response);
  };
  class FakeDate {
    getTimezoneOffset() {
      return -tzOffsetMinutes;
    }
  }
  const document = { cookie: "" };
  vm.runInNewContext(earlyFetchScript("timeline", { memories: true, pageSize: 500, seededTz }), { window, document, fetch, URLSearchParams, Date: FakeDate, Math });
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  return { asked, early: window.__albumsEarly as Record<string, unknown>, cookie: document.cookie };
}

describe("earlyFetchScript", () => {
  it("asks for exactly the URLs the timeline's client code builds, at the viewer's offset", async () => {
    for (const tz of [0, 90, -300]) {
      const { asked, early } = await run(tz, [{ day: "2025-12-31" }, { day: "2025-11-02" }]);
      const { from, to } = monthWindow("2025-12", tz);
      const expected = [`/api/timeline/days${qs({ view: "timeline", tz })}`, `/api/memories${qs({ date: undefined, tz })}`, `/api/assets${qs({ view: "timeline", from, to, limit: 500, cursor: null })}`];
      expect(asked).toEqual(expected);
      expect(Object.keys(early)).toEqual(expected);
    }
  });

  it("leaves the offset in a cookie for the next page's server-rendered memory cards", async () => {
    expect((await run(90, [])).cookie).toMatch(/^albums-tz=90;path=\/;/);
  });

  it("asks for no month when the view is empty", async () => {
    expect((await run(0, [])).asked).toHaveLength(2);
  });

  it("skips the newest month when the page's HTML already holds it at the browser's offset", async () => {
    const days = [{ day: "2025-12-31" }];
    expect((await run(60, days, 60)).asked).toEqual([`/api/timeline/days${qs({ view: "timeline", tz: 60 })}`, `/api/memories${qs({ tz: 60 })}`]);
    // Read at another offset (the box's guess), the server's page is not the client's: it asks as before.
    expect((await run(-300, days, 60)).asked).toHaveLength(3);
  });
});
