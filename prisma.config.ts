import path from "node:path";
import { defineConfig } from "prisma/config";

// Used by the Prisma CLI (generate). The app applies migrations itself at start.
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  datasource: { url: `file:${path.resolve(process.env.ALBUMS_DATA_DIR ?? "data", "albums.db")}` },
});
