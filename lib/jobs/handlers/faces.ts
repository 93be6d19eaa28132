import { storeFaces } from "@/lib/people/store-faces";
import type { JobHandler } from "@/lib/queue/handler";
import { readAnalysisImage } from "./analysis-image";
import { loadJobAsset } from "./load-job-asset";
import { missingModel, withFaceAnalyzer } from "./ml-sessions";

/** Finds the faces on a photo (face-api's models, or the owner's YuNet + MobileFaceNet) and groups them into people. */
export const facesJob: JobHandler = {
  kind: "faces",
  waitingFor: (ctx) => missingModel(ctx.config, "faces"),
  async run(ctx, job) {
    const loaded = await loadJobAsset(ctx, job);
    const image = await readAnalysisImage(ctx, loaded, "thumbnail");
    const analysis = await withFaceAnalyzer(ctx.config, async (analyzer) => ({ ...(await analyzer.analyze(image)), model: analyzer.model }));
    await storeFaces({ db: ctx.db, databasePath: ctx.paths.database }, { id: loaded.asset.id, width: analysis.width, height: analysis.height }, analysis.faces, analysis.model);
  },
};
