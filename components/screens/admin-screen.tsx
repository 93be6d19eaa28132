"use client";
import { ScreenHeader } from "../states";
import { AuditLog } from "./admin/audit-log";
import { HealthPanel } from "./admin/health-panel";
import { ImportFolderPanel } from "./admin/import-folder-panel";
import { JobQueues } from "./admin/job-queues";
import { LibrariesPanel } from "./admin/libraries-panel";
import { LibraryOverview } from "./admin/library-overview";
import { LogPanel } from "./admin/log-panel";
import { ModelsList } from "./admin/models-list";
import { NotificationsPanel } from "./admin/notifications-panel";
import { ShareLinksPanel } from "./admin/share-links-panel";
import { TokensPanel } from "./admin/tokens-panel";

/** Settings: health, storage, external libraries, backup, identity, models, job queues, ingest audit log, API tokens, share links, notifications, the import folder and the log's last errors. */
export function AdminScreen() {
  return (
    <>
      <ScreenHeader title="Settings" />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 px-4 pb-10 xl:grid-cols-2">
        <div className="xl:col-span-2">
          <HealthPanel />
        </div>
        <LibraryOverview />
        <LibrariesPanel />
        <ModelsList />
        <div className="xl:col-span-2">
          <JobQueues />
        </div>
        <div className="xl:col-span-2">
          <AuditLog />
        </div>
        <TokensPanel />
        <ShareLinksPanel />
        <NotificationsPanel />
        <ImportFolderPanel />
        <div className="xl:col-span-2">
          <LogPanel />
        </div>
      </div>
    </>
  );
}
