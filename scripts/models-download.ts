// `npm run models:download -- [--model <name>]… [--dir <models folder>] [--base-url <hub or mirror>]`:
// fetches the recommended models (lib/ml/models/model-manifest.ts) into <ALBUMS_DATA_DIR>/models/,
// resuming interrupted downloads and verifying every file; prints a summary. Run by hand only.
//
// Deliberately NOT importing "@/lib/server/install-egress-guard": this is the one program that
// must reach the internet (huggingface.co and the CDN it redirects to, whose host names change).
// It connects only to --base-url and the https redirects it is given, and only when a person runs
// it; the server, the worker and every other CLI keep the guard, so they never download anything.
import path from "node:path";
import { parseArgs } from "node:util";
import { parseConfig } from "@/lib/config";
import { DEFAULT_HUB_URL, downloadModel } from "@/lib/ml/models/download-model";
import { MODEL_MANIFEST } from "@/lib/ml/models/model-manifest";

const usage = `usage: npm run models:download -- [--model <name>]… [--dir <folder>] [--base-url <url>]
models: ${MODEL_MANIFEST.map((m) => `${m.name} (${m.purpose}, ~${m.approxMB} MB, ${m.licence})`).join("\n        ")}`;

let args;
try {
  args = parseArgs({
    options: {
      model: { type: "string", multiple: true },
      dir: { type: "string" },
      "base-url": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (args.help) {
  console.log(usage);
  process.exit(0);
}
const unknown = (args.model ?? []).filter((name) => !MODEL_MANIFEST.some((m) => m.name === name));
if (unknown.length > 0) {
  console.error(`unknown model ${unknown.join(", ")}\n${usage}`);
  process.exit(2);
}
const entries = args.model ? MODEL_MANIFEST.filter((m) => args.model!.includes(m.name)) : MODEL_MANIFEST;
// Into the folders the worker reads (ALBUMS_MODELS_DIR, ALBUMS_CLIP_MODEL_DIR, ALBUMS_CAPTION_MODEL_DIR), or all under --dir.
const config = parseConfig();
const modelsDir = path.resolve(args.dir ?? config.models.dir);
const configured: Record<string, string> = { "clip-vit-base-patch32": config.models.clip, "vit-gpt2-image-captioning": config.models.captioner };
const folderOf = (name: string) => (args.dir ? path.join(modelsDir, name) : (configured[name] ?? path.join(modelsDir, name)));
const baseUrl = args["base-url"] ?? DEFAULT_HUB_URL;

let failed = 0;
for (const entry of entries) {
  console.log(`${entry.name}: ${entry.repo}@${entry.revision} from ${baseUrl} into ${folderOf(entry.name)} (~${entry.approxMB} MB)`);
  let lastPrint = 0;
  try {
    const result = await downloadModel({
      entry,
      modelsDir,
      dir: folderOf(entry.name),
      baseUrl,
      onFile: (file, done, total) => {
        if (Date.now() - lastPrint < 2000 && done !== total) return;
        lastPrint = Date.now();
        console.log(`  ${file}: ${(done / 1e6).toFixed(1)}${total ? ` / ${(total / 1e6).toFixed(1)}` : ""} MB`);
      },
    });
    for (const file of result.files) {
      const how = file.skipped ? "already verified" : `${file.resumedFrom > 0 ? `resumed at ${file.resumedFrom} bytes, ` : ""}verified with ${file.verifiedWith}`;
      console.log(`  ${file.path}: ${file.bytes} bytes, ${how}`);
    }
    console.log(`${entry.name}: ${result.status === "skipped" ? "already complete, nothing fetched" : "done"}${result.commit ? ` (commit ${result.commit})` : ""}`);
  } catch (error) {
    failed += 1;
    console.error(`${entry.name}: FAILED: ${(error as Error).message}`);
  }
}
if (failed > 0) {
  console.error(`${failed} of ${entries.length} models failed; run the command again to resume.`);
  process.exitCode = 1;
}
