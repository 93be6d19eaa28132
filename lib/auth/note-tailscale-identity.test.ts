import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/server/db";
import { noteTailscaleIdentity, TAILSCALE_SEEN_KEY } from "./note-tailscale-identity";

describe("noteTailscaleIdentity", () => {
  it("records the owner's login and time, at most once per ten minutes, and never throws", async () => {
    const writes: { key: string; value: string }[] = [];
    const db = { setting: { upsert: async ({ create }: { create: { key: string; value: string } }) => void writes.push(create) } } as unknown as Db;
    await noteTailscaleIdentity(db, "me@example.com", new Date("2026-12-05T10:00:00Z"));
    await noteTailscaleIdentity(db, "me@example.com", new Date("2026-12-05T10:05:00Z"));
    await noteTailscaleIdentity(db, "me@example.com", new Date("2026-12-05T10:11:00Z"));
    expect(writes).toEqual([
      { key: TAILSCALE_SEEN_KEY, value: JSON.stringify({ at: "2026-12-05T10:00:00.000Z", login: "me@example.com" }) },
      { key: TAILSCALE_SEEN_KEY, value: JSON.stringify({ at: "2026-12-05T10:11:00.000Z", login: "me@example.com" }) },
    ]);
    const failing = { setting: { upsert: () => Promise.reject(new Error("database is locked")) } } as unknown as Db;
    await expect(noteTailscaleIdentity(failing, "me@example.com", new Date("2026-12-05T11:00:00Z"))).resolves.toBeUndefined();
  });
});
