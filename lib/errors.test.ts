import { describe, expect, it } from "vitest";
import { AppError, diskWriteError } from "./errors";

const errno = (code: string) => Object.assign(new Error(code), { code });

describe("diskWriteError", () => {
  it("maps a full disk to 507 and a read-only one to 503, saying what to do", () => {
    const full = diskWriteError(errno("ENOSPC")) as AppError;
    expect([full.code, full.status]).toEqual(["out_of_space", 507]);
    expect(diskWriteError(errno("EDQUOT"))).toMatchObject({ code: "out_of_space" });
    const readOnly = diskWriteError(errno("EROFS"), "resume") as AppError;
    expect([readOnly.code, readOnly.status]).toEqual(["read_only", 503]);
    expect(readOnly.message).toMatch(/read-only[\s\S]*remount it read-write and resume\.$/);
  });

  it("returns anything else as it is", () => {
    const eio = errno("EIO");
    expect(diskWriteError(eio)).toBe(eio);
    expect(diskWriteError(null)).toBeNull();
  });
});
