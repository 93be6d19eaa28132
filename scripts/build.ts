// `npm run build`: the web app and its service worker (npm start does this by itself when needed).
// `--if-stale`: only when the sources changed since the last build (npm test).
import path from "node:path";
import { buildWebApp, isBuildCurrent } from "@/lib/server/next-build";

const root = path.resolve(import.meta.dirname, "..");
if (!process.argv.includes("--if-stale") || !isBuildCurrent(root)) buildWebApp(root);
