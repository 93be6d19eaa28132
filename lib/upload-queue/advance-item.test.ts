import { describe, expect, it } from "vitest";
import { advanceItem, backoffDelay, classifyStatus, type QueueEvent } from "./advance-item";
import { newQueueItem, type QueueItem } from "./queue-item";

const file = Object.assign(new Blob(["hello"], { type: "image/jpeg" }), { name: "a.jpg", lastModified: Date.UTC(2024, 6, 1) });
const fresh = () => newQueueItem(file, "share", 1000, "id-1");
const run = (item: QueueItem, ...events: QueueEvent[]) => events.reduce((current, event, i) => advanceItem(current, event, 2000 + i), item);

describe("advanceItem", () => {
  it("records a new file as pending with its capture time from lastModified", () => {
    expect(fresh()).toMatchObject({ state: "pending", attempts: 0, size: 5, capturedAt: "2024-07-01T00:00:00.000Z", nextAttemptAt: 1000 });
  });

  it("goes pending → uploading → done only on success, dropping the blob", () => {
    const uploading = run(fresh(), { type: "start" });
    expect(uploading).toMatchObject({ state: "uploading", attempts: 1 });
    const done = advanceItem(uploading, { type: "succeeded", result: "duplicate" }, 3000);
    expect(done).toMatchObject({ state: "done", result: "duplicate", blob: null, lastError: null });
  });

  it("marks a file the box already has as done without an attempt", () => {
    expect(run(fresh(), { type: "succeeded", result: "present" })).toMatchObject({ state: "done", attempts: 0, result: "present" });
  });

  it("keeps a transient failure pending with growing backoff, then succeeds", () => {
    let item = run(fresh(), { type: "start" });
    item = advanceItem(item, { type: "transient", status: 500, message: "boom" }, 10_000);
    expect(item).toMatchObject({ state: "pending", lastStatus: 500, lastError: "boom", nextAttemptAt: 10_000 + backoffDelay(1) });
    item = advanceItem(advanceItem(item, { type: "start" }, 20_000), { type: "transient", status: null, message: "offline" }, 20_000);
    expect(item.nextAttemptAt).toBe(20_000 + backoffDelay(2));
    expect(backoffDelay(2)).toBe(2 * backoffDelay(1));
    expect(backoffDelay(50)).toBe(10 * 60_000);
    item = run(item, { type: "start" }, { type: "succeeded", result: "ingested" });
    expect(item).toMatchObject({ state: "done", attempts: 3, lastError: null });
  });

  it("fails for good on a rejection, with the server's message, until the user retries", () => {
    const failed = run(fresh(), { type: "start" }, { type: "rejected", status: 415, message: "not a photo" });
    expect(failed).toMatchObject({ state: "failed", lastStatus: 415, lastError: "not a photo" });
    expect(advanceItem(failed, { type: "start" }, 5000)).toBe(failed);
    expect(advanceItem(failed, { type: "retry" }, 5000)).toMatchObject({ state: "pending", attempts: 0, nextAttemptAt: 5000, lastError: null });
  });

  it("never leaves done, whatever arrives late", () => {
    const done = run(fresh(), { type: "start" }, { type: "succeeded", result: "ingested" });
    const late: QueueEvent[] = [{ type: "start" }, { type: "transient", status: 500, message: "x" }, { type: "rejected", status: 400, message: "x" }, { type: "retry" }, { type: "interrupted" }, { type: "progress", uploadId: "u", offset: 1 }, { type: "hashed", sha256: "f".repeat(64) }];
    for (const event of late) expect(advanceItem(done, event, 9000), event.type).toBe(done);
  });

  it("returns an upload interrupted by a killed run to pending without counting a failure", () => {
    const uploading = run(fresh(), { type: "start" }, { type: "progress", uploadId: "u1", offset: 8 });
    expect(advanceItem(uploading, { type: "interrupted" }, 7000)).toMatchObject({ state: "pending", attempts: 1, uploadId: "u1", offset: 8, nextAttemptAt: 7000 });
  });

  it("forgets a resumable upload the box no longer has", () => {
    const uploading = run(fresh(), { type: "start" }, { type: "progress", uploadId: "u1", offset: 8 });
    expect(advanceItem(uploading, { type: "transient", status: 404, message: "gone", resetUpload: true }, 7000)).toMatchObject({ uploadId: null, offset: 0 });
  });
});

describe("classifyStatus", () => {
  it("treats 2xx as done, 408/425/429/5xx as retryable, other 4xx as permanent", () => {
    expect([200, 201, 204].map(classifyStatus)).toEqual(["success", "success", "success"]);
    expect([408, 425, 429, 500, 503, 507].map(classifyStatus)).toEqual(Array(6).fill("transient"));
    expect([400, 401, 403, 404, 413, 415, 422].map(classifyStatus)).toEqual(Array(7).fill("permanent"));
  });
});
