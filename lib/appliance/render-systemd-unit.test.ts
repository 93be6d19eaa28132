import { describe, expect, it } from "vitest";
import { renderSystemdUnit, type UnitOptions } from "./render-systemd-unit";

const base: UnitOptions = {
  user: "albums",
  appDir: "/opt/albums",
  node: "/usr/bin/node",
  envFile: "/etc/albums/albums.env",
  writablePaths: ["/var/lib/albums", "/mnt/backup/albums"],
  stopTimeoutSec: 30,
};

/** The unit's `Key=value` lines as a map (last one wins, as in systemd). */
function keys(unit: string): Map<string, string> {
  return new Map(unit.split("\n").filter((line) => /^[A-Za-z]+=/.test(line)).map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]));
}

describe("renderSystemdUnit", () => {
  it("runs start.ts as the dedicated user from the env file, restarts on failure but not on a refusal", () => {
    const unit = keys(renderSystemdUnit(base));
    expect(unit.get("User")).toBe("albums");
    expect(unit.get("EnvironmentFile")).toBe("/etc/albums/albums.env");
    expect(unit.get("ExecStart")).toBe("/usr/bin/node --conditions=react-server --import tsx scripts/start.ts");
    expect(unit.get("WorkingDirectory")).toBe("/opt/albums");
    expect(unit.get("Restart")).toBe("on-failure");
    expect(unit.get("RestartPreventExitStatus")).toBe("78 65");
    expect(unit.get("WantedBy")).toBe("multi-user.target");
  });

  it("lets the supervisor stop its children: SIGTERM to it alone, then the stop timeout", () => {
    const unit = keys(renderSystemdUnit(base));
    expect(unit.get("KillMode")).toBe("mixed");
    expect(unit.get("TimeoutStopSec")).toBe("30");
  });

  it("makes the system read-only except the data, backup and build-cache folders", () => {
    const unit = keys(renderSystemdUnit(base));
    expect(unit.get("ProtectSystem")).toBe("strict");
    expect(unit.get("ReadWritePaths")).toBe("/var/lib/albums /mnt/backup/albums /opt/albums/.next");
    expect(unit.get("RequiresMountsFor")).toBe("/var/lib/albums /mnt/backup/albums");
    expect(unit.get("ProtectHome")).toBe("yes");
    expect(unit.get("PrivateTmp")).toBe("yes");
    expect(unit.get("NoNewPrivileges")).toBe("yes");
  });

  it("keeps /home visible (read-only) when the app or a folder lives there, and quotes paths with spaces", () => {
    const unit = keys(renderSystemdUnit({ ...base, appDir: "/home/me/albums", writablePaths: ["/srv/my photos"] }));
    expect(unit.get("ProtectHome")).toBe("read-only");
    expect(unit.get("ReadWritePaths")).toBe(`"/srv/my photos" /home/me/albums/.next`);
  });
});
