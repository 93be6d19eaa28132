import { describe, expect, it } from "vitest";
import type { Problem } from "@/lib/health/list-problems";
import { EMPTY_NOTIFY_STATE, planNotifications } from "./plan-notifications";

const problem = (code: Problem["code"], severity: Problem["severity"] = "error"): Problem => ({ code, severity, title: `title ${code}`, detail: "d", action: "a", items: [], count: 1 });
const at = (iso: string) => new Date(iso);

describe("planNotifications", () => {
  it("tells a problem when it appears, not again on the next pass, again a day later while it lasts", () => {
    const first = planNotifications([problem("backup_failed")], [], EMPTY_NOTIFY_STATE, at("2026-12-01T10:00:00Z"));
    expect(first.send).toEqual([{ key: "problem:backup_failed", title: "title backup_failed", body: "d\n\nWhat to do: a", severity: "error" }]);
    expect(planNotifications([problem("backup_failed")], [], first.state, at("2026-12-01T11:00:00Z")).send).toEqual([]);
    expect(planNotifications([problem("backup_failed")], [], first.state, at("2026-12-02T10:00:00Z")).send.map((n) => n.key)).toEqual(["problem:backup_failed"]);
  });

  it("tells a problem that went away and came back at once", () => {
    const first = planNotifications([problem("disk_nearly_full")], [], EMPTY_NOTIFY_STATE, at("2026-12-01T10:00:00Z"));
    const gone = planNotifications([], [], first.state, at("2026-12-01T10:05:00Z"));
    expect(gone.send).toEqual([]);
    expect(planNotifications([problem("disk_nearly_full")], [], gone.state, at("2026-12-01T10:10:00Z")).send.map((n) => n.key)).toEqual(["problem:disk_nearly_full"]);
  });

  it("tells a finished import once, with its verdict in the title", () => {
    const imports = [{ id: "run1", status: "done", safeToDelete: false, summary: "3 entries" }];
    const first = planNotifications([], imports, EMPTY_NOTIFY_STATE, at("2026-12-01T10:00:00Z"));
    expect(first.send).toEqual([{ key: "import:run1", title: "Import finished: not yet safe to delete from Google", body: "3 entries", severity: "warning" }]);
    expect(planNotifications([], imports, first.state, at("2026-12-03T10:00:00Z")).send).toEqual([]);
  });

  it("sends at most maxPerHour in a rolling hour, errors first; the rest wait for a later pass", () => {
    const many = [problem("quarantined", "warning"), problem("originals_missing"), problem("worker_down"), problem("backup_stale", "warning")];
    const limits = { repeatAfterMs: 86_400_000, maxPerHour: 2 };
    const first = planNotifications(many, [], EMPTY_NOTIFY_STATE, at("2026-12-01T10:00:00Z"), limits);
    expect(first.send.map((n) => n.key)).toEqual(["problem:originals_missing", "problem:worker_down"]);
    expect(planNotifications(many, [], first.state, at("2026-12-01T10:30:00Z"), limits).send).toEqual([]);
    expect(planNotifications(many, [], first.state, at("2026-12-01T11:01:00Z"), limits).send.map((n) => n.key)).toEqual(["problem:quarantined", "problem:backup_stale"]);
  });
});
