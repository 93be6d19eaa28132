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

  it("reads the share listener's published address as an http(s) origin, and refuses anything else", () => {
    expect(parseConfig({}).sharePublicUrl).toBeNull();
    expect(parseConfig({ ALBUMS_SHARE_PUBLIC_URL: "https://Albums.Tail1234.ts.net/" }).sharePublicUrl).toBe("https://albums.tail1234.ts.net");
    expect(parseConfig({ ALBUMS_SHARE_PUBLIC_URL: "http://100.64.0.5:3001" }).sharePublicUrl).toBe("http://100.64.0.5:3001");
    for (const bad of ["albums.example.org", "ftp://albums.example.org", "https://albums.example.org/s/", "https://me:pw@albums.example.org", "https://albums.example.org/?x=1"]) {
      expect(() => parseConfig({ ALBUMS_SHARE_PUBLIC_URL: bad }), bad).toThrow(/ALBUMS_SHARE_PUBLIC_URL/);
    }
  });

  it("reads the allowed host names, import folders and body idle limit", () => {
    expect(parseConfig({})).toMatchObject({ allowedHosts: [], importDirs: [], requestIdleMs: 30_000 });
    expect(parseConfig({ ALBUMS_ALLOWED_HOSTS: "Photos.Example.org, .home.arpa", ALBUMS_IMPORT_DIRS: "/mnt/takeout,/srv/x/", ALBUMS_REQUEST_IDLE_SECONDS: "5" })).toMatchObject({
      allowedHosts: ["photos.example.org", ".home.arpa"], importDirs: ["/mnt/takeout", "/srv/x"], requestIdleMs: 5_000,
    });
    expect(() => parseConfig({ ALBUMS_ALLOWED_HOSTS: "http://x.example/" })).toThrow(/ALBUMS_ALLOWED_HOSTS/);
  });

  it("reads the watched import folder (off by default; absolute, apart from the data dir)", () => {
    expect(parseConfig({}).importFolder).toBeNull();
    expect(parseConfig({ ALBUMS_DATA_DIR: "/srv/albums", ALBUMS_IMPORT_DIR: "/srv/import/" }).importFolder).toEqual({ dir: "/srv/import", move: false, pollMs: 30_000 });
    expect(parseConfig({ ALBUMS_IMPORT_DIR: "/srv/import", ALBUMS_IMPORT_MOVE: "1", ALBUMS_IMPORT_POLL_SECONDS: "2" }).importFolder).toMatchObject({ move: true, pollMs: 2_000 });
    expect(() => parseConfig({ ALBUMS_IMPORT_DIR: "import" })).toThrow(/ALBUMS_IMPORT_DIR: must be an absolute folder/);
    expect(() => parseConfig({ ALBUMS_DATA_DIR: "/srv/albums", ALBUMS_IMPORT_DIR: "/srv/albums/import" })).toThrow(/ALBUMS_IMPORT_DIR: must be a folder apart/);
    expect(() => parseConfig({ ALBUMS_DATA_DIR: "/srv/albums", ALBUMS_IMPORT_DIR: "/srv" })).toThrow(/ALBUMS_IMPORT_DIR: must be a folder apart/);
  });

  it("reads external libraries as absolute folders separated by colons", () => {
    expect(parseConfig({})).toMatchObject({ libraries: [], libraryScanMs: 15 * 60_000 });
    expect(parseConfig({ ALBUMS_LIBRARIES: "/srv/photos/:/mnt/nas/archive:/srv/photos", ALBUMS_LIBRARY_SCAN_MINUTES: "5" })).toMatchObject({ libraries: ["/srv/photos", "/mnt/nas/archive"], libraryScanMs: 300_000 });
    expect(() => parseConfig({ ALBUMS_LIBRARIES: "/srv/photos:photos" })).toThrow(/ALBUMS_LIBRARIES/);
  });

  it("treats empty variables as unset and splits owner logins", () => {
    expect(parseConfig({ ALBUMS_API_TOKEN: "", ALBUMS_OWNER: "me@example.com,me@github" })).toMatchObject({ apiToken: undefined, owners: ["me@example.com", "me@github"] });
  });

  it("places model folders under the data dir and reads the enrichment list and caption endpoint", () => {
    const config = parseConfig({ ALBUMS_DATA_DIR: "/srv/albums" });
    expect(config.models).toEqual({ dir: "/srv/albums/models", faces: "/srv/albums/models/faces", clip: "/srv/albums/models/clip-vit-base-patch32", captioner: "/srv/albums/models/vit-gpt2-image-captioning" });
    expect(config.enrichment).toEqual(["places", "clip", "ocr", "faces", "caption"]);
    expect(config.captionEndpoint).toBeNull();
    expect(parseConfig({ ALBUMS_ENRICHMENT: "places, ocr" }).enrichment).toEqual(["places", "ocr"]);
    expect(parseConfig({ ALBUMS_ENRICHMENT: "none" }).enrichment).toEqual([]);
    expect(parseConfig({ ALBUMS_CAPTION_URL: "http://100.101.102.103:11434/v1", ALBUMS_CAPTION_MODEL: "llava:13b" }).captionEndpoint).toEqual({ baseUrl: "http://100.101.102.103:11434/v1", model: "llava:13b", apiKey: undefined });
    const problems = () => parseConfig({ ALBUMS_ENRICHMENT: "ocr,telepathy", ALBUMS_CAPTION_URL: "ftp://box/v1" });
    expect(problems).toThrow(/ALBUMS_ENRICHMENT[\s\S]*telepathy|ALBUMS_CAPTION_URL/);
    try {
      problems();
    } catch (error) {
      expect((error as ConfigError).problems.join("\n")).toMatch(/ALBUMS_CAPTION_URL/);
      expect((error as ConfigError).problems.join("\n")).toMatch(/ALBUMS_ENRICHMENT/);
    }
  });
  it("needs a password file with an off-box restic repository, and says why", () => {
    expect(parseConfig({}).backupRepository).toBeNull();
    expect(parseConfig({ ALBUMS_BACKUP_REPOSITORY: "sftp:backup@100.64.0.7:/srv/albums", ALBUMS_BACKUP_PASSWORD_FILE: "/etc/albums/restic-password" }).backupRepository).toEqual({ repository: "sftp:backup@100.64.0.7:/srv/albums", passwordFile: "/etc/albums/restic-password" });
    expect(parseConfig({ ALBUMS_BACKUP_REPOSITORY: "sftp:nas:/albums", ALBUMS_BACKUP_PASSWORD_FILE: "/p", ALBUMS_BACKUP_SFTP_COMMAND: "ssh -i /k nas -s sftp" }).backupRepository?.sftpCommand).toBe("ssh -i /k nas -s sftp");
    expect(() => parseConfig({ ALBUMS_BACKUP_REPOSITORY: "rest:http://100.64.0.7:8000/albums" })).toThrow(/ALBUMS_BACKUP_PASSWORD_FILE: required with ALBUMS_BACKUP_REPOSITORY/);
    expect(() => parseConfig({ ALBUMS_BACKUP_REPOSITORY: "s3:bucket", ALBUMS_BACKUP_PASSWORD_FILE: "/p" })).toThrow(/ALBUMS_BACKUP_REPOSITORY: must be a restic repository on another machine/);
  });
});
