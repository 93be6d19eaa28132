import fs from "node:fs";
import path from "node:path";
import { writeTgz, writeZip } from "./zip-writer";

export type TakeoutFile = { path: string; data: Buffer };

/** A Google Photos sidecar as Takeout writes it (times in epoch seconds as strings). */
export function sidecar(fields: { title: string; takenAt?: string; description?: string; geoData?: [number, number]; geoDataExif?: [number, number]; favorited?: boolean; archived?: boolean; trashed?: boolean; people?: string[]; deviceFolder?: string }): Buffer {
  const epoch = (iso: string) => ({ timestamp: String(Math.floor(new Date(iso).getTime() / 1000)), formatted: iso });
  const geo = (pair?: [number, number]) => ({ latitude: pair?.[0] ?? 0, longitude: pair?.[1] ?? 0, altitude: 0, latitudeSpan: 0, longitudeSpan: 0 });
  return Buffer.from(
    JSON.stringify({
      title: fields.title,
      description: fields.description ?? "",
      imageViews: "3",
      creationTime: epoch("2024-01-01T00:00:00Z"),
      ...(fields.takenAt ? { photoTakenTime: epoch(fields.takenAt) } : { photoTakenTime: { timestamp: "0", formatted: "" } }),
      geoData: geo(fields.geoData),
      geoDataExif: geo(fields.geoDataExif),
      url: "https://photos.google.com/photo/xyz",
      ...(fields.deviceFolder ? { googlePhotosOrigin: { mobileUpload: { deviceFolder: { localFolderName: fields.deviceFolder }, deviceType: "ANDROID_PHONE" } } } : {}),
      ...(fields.favorited ? { favorited: true } : {}),
      ...(fields.archived ? { archived: true } : {}),
      ...(fields.trashed ? { trashed: true } : {}),
      ...(fields.people ? { people: fields.people.map((name) => ({ name })) } : {}),
    }),
  );
}

/** Writes parts into `dir`: `.zip` parts by default, `.tgz` when the name says so. */
export async function writeParts(dir: string, parts: Record<string, TakeoutFile[]>): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const out: string[] = [];
  for (const [name, files] of Object.entries(parts)) {
    const file = path.join(dir, name);
    const data = name.endsWith(".tgz") ? await writeTgz(files.map((f) => ({ name: f.path, data: f.data }))) : writeZip(files.map((f) => ({ name: f.path, data: f.data, deflate: true })));
    fs.writeFileSync(file, data);
    out.push(file);
  }
  return out;
}
