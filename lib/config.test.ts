import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config";

describe("parseConfig", () => {
  it("has defaults for a fresh machine", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ host: "127.0.0.1", port: 3000, owners: [], apiToken: undefined, maxPixels: 100_000_000 });
    expect(config.dataDir.endsWith("/data")).toBe(true);
    expect(config.databasePath).toBe(`${config.dataDir}/albums.db`);
  });

  it("reports every problem at once", () => {
    try {
      parseConfig({ ALBUMS_PORT: "99999", ALBUMS_API_TOKEN: "short", ALBUMS_OWNER: "a b", ALBUMS_LOG_LEVEL: "loud" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join("\n");
      for (const key of ["ALBUMS_PORT", "ALBUMS_API_TOKEN", "ALBUMS_OWNER", "ALBUMS_LOG_LEVEL"]) expect(problems).toContain(key);
    }
  });

  it("treats empty variables as unset and splits owner logins", () => {
    expect(parseConfig({ ALBUMS_API_TOKEN: "", ALBUMS_OWNER: "me@example.com,me@github" })).toMatchObject({ apiToken: undefined, owners: ["me@example.com", "me@github"] });
  });
});
