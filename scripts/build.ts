// `npm run build`: the web app and its service worker (npm start does this by itself when needed).
import path from "node:path";
import { buildWebApp } from "@/lib/server/next-build";

buildWebApp(path.resolve(import.meta.dirname, ".."));
