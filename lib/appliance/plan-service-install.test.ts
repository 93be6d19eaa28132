import { describe, expect, it } from "vitest";
import { planServiceInstall } from "./plan-service-install";

const base = {
  user: "albums", userExists: true, appDir: "/opt/albums", node: "/usr/bin/node", npm: "/usr/bin/npm", envFile: "/etc/albums/albums.env", stopTimeoutSec: 30, start: false,
  env: { ALBUMS_DATA_DIR: "/srv/albums", ALBUMS_BACKUP_DIR: "/mnt/backup/albums" },
};

const unitOf = (steps: ReturnType<typeof planServiceInstall>) => {
  const step = steps.find((s) => s.kind === "write" && s.path.endsWith("albums.service"));
  return step && step.kind === "write" ? step.content : "";
};

describe("planServiceInstall", () => {
  it("lets the service reach the import folder (ALBUMS_IMPORT_DIR) without creating or chowning it", () => {
    const steps = planServiceInstall({ ...base, env: { ...base.env, ALBUMS_IMPORT_DIR: "/home/me/Sync/Camera" } });
    expect(unitOf(steps)).toMatch(/^ReadWritePaths=\/srv\/albums \/mnt\/backup\/albums \/home\/me\/Sync\/Camera \/opt\/albums\/\.next$/m);
    expect(unitOf(steps)).toMatch(/^ProtectHome=read-only$/m);
    expect(unitOf(steps)).toMatch(/^RequiresMountsFor=.* \/home\/me\/Sync\/Camera$/m);
    expect(JSON.stringify(steps.filter((s) => s.kind !== "write"))).not.toContain("Sync/Camera");
  });

  it("leaves the unit as before without an import folder", () => {
    expect(unitOf(planServiceInstall(base))).toMatch(/^ReadWritePaths=\/srv\/albums \/mnt\/backup\/albums \/opt\/albums\/\.next$/m);
  });
});
