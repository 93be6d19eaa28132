import { openOriginal } from "@/lib/assets/open-original";
import { apiRoute } from "@/lib/http/api-route";
import { sendFile } from "@/lib/http/send-file";

export const runtime = "nodejs";

export const GET = apiRoute<{ id: string }>(async (request, { deps, params }) => {
  const file = await openOriginal(deps.db, deps.paths, params.id);
  const download = new URL(request.url).searchParams.get("download") === "1";
  return sendFile(request, file, { cacheControl: "private, max-age=31536000, immutable", disposition: download || file.mime === "application/octet-stream" ? "attachment" : "inline", fileName: file.fileName });
});
