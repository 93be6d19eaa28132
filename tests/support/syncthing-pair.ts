import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort } from "./app-process";

export type SyncthingPair = { stop: () => Promise<void>; output: () => string };

type Side = { home: string; folder: string; type: "sendonly" | "receiveonly"; port: number; id: string };

/**
 * Two headless Debian `syncthing` instances on loopback — a "phone" sharing `phoneFolder`
 * send-only and a "box" receiving it receive-only with deletes ignored (docs/SYNCTHING.md) —
 * with discovery, relays, NAT, usage reporting and the GUI off: nothing leaves 127.0.0.1.
 * Both rescan every second.
 */
export async function startSyncthingPair(workDir: string, phoneFolder: string, boxFolder: string): Promise<SyncthingPair> {
  const sides: Side[] = [];
  for (const [name, folder, type] of [["phone", phoneFolder, "sendonly"], ["box", boxFolder, "receiveonly"]] as const) {
    const home = path.join(workDir, `syncthing-${name}`);
    execFileSync("syncthing", ["generate", `--home=${home}`, "--no-default-folder", "--skip-port-probing"], { stdio: "ignore" });
    const id = execFileSync("syncthing", ["serve", `--home=${home}`, "--device-id"], { encoding: "utf8" }).trim();
    sides.push({ home, folder, type, port: await freePort(), id });
  }
  const [phone, box] = sides as [Side, Side];
  for (const [self, other] of [[phone, box], [box, phone]] as const) fs.writeFileSync(path.join(self.home, "config.xml"), configXml(self, other, [phone.id, box.id]));
  let output = "";
  const children: ChildProcess[] = sides.map((side) => {
    const child = spawn("syncthing", ["serve", `--home=${side.home}`, "--no-browser", "--no-restart"], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, STNOUPGRADE: "1" } });
    child.stdout!.on("data", (d: Buffer) => (output += d));
    child.stderr!.on("data", (d: Buffer) => (output += d));
    return child;
  });
  return {
    output: () => output,
    stop: async () => {
      await Promise.all(children.map((child) => (child.exitCode !== null ? null : new Promise((resolve) => {
        child.once("exit", resolve);
        child.kill("SIGTERM");
      }))));
    },
  };
}

function configXml(self: Side, other: Side, ids: string[]): string {
  return `<configuration version="36">
  <folder id="camera" label="Camera" path="${self.folder}" type="${self.type}" rescanIntervalS="1" fsWatcherEnabled="false">
    ${ids.map((id) => `<device id="${id}"></device>`).join("\n    ")}
    ${self.type === "receiveonly" ? "<ignoreDelete>true</ignoreDelete>" : ""}
  </folder>
  <device id="${self.id}" name="self"><address>dynamic</address></device>
  <device id="${other.id}" name="other"><address>tcp://127.0.0.1:${other.port}</address></device>
  <gui enabled="false" tls="false"><address>127.0.0.1:0</address></gui>
  <options>
    <listenAddress>tcp://127.0.0.1:${self.port}</listenAddress>
    <globalAnnounceEnabled>false</globalAnnounceEnabled>
    <localAnnounceEnabled>false</localAnnounceEnabled>
    <relaysEnabled>false</relaysEnabled>
    <natEnabled>false</natEnabled>
    <urAccepted>-1</urAccepted>
    <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
    <crashReportingEnabled>false</crashReportingEnabled>
    <startBrowser>false</startBrowser>
    <reconnectionIntervalS>1</reconnectionIntervalS>
  </options>
</configuration>
`;
}
