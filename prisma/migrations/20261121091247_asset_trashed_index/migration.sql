-- CreateIndex
CREATE INDEX "Asset_trashedAt_idx" ON "Asset"("trashedAt");
