import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { FORMAT_WARM_UP_SCRIPT } from "./format-warm-up";

describe("FORMAT_WARM_UP_SCRIPT", () => {
  it("builds one date formatter in the browser's default language, and never throws where Intl is missing", () => {
    const built: unknown[][] = [];
    const Intl = {
      DateTimeFormat: class {
        constructor(...args: unknown[]) {
          built.push(args);
        }
        format() {
          return "";
        }
      },
    };
    vm.runInNewContext(FORMAT_WARM_UP_SCRIPT, { Intl });
    expect(built).toEqual([[undefined, { dateStyle: "medium", timeStyle: "short" }]]);
    expect(() => vm.runInNewContext(FORMAT_WARM_UP_SCRIPT, { Intl: undefined })).not.toThrow();
  });
});
