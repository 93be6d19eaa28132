// The service worker's global scope, plus what lib.webworker.d.ts lacks (Background Sync, Periodic Background Sync) and the
// build id esbuild injects (scripts: lib/server/build-service-worker.ts).
declare const BUILD_ID: string;

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance: boolean;
}

interface PeriodicSyncEvent extends ExtendableEvent {
  readonly tag: string;
}

interface ServiceWorkerGlobalScopeEventMap {
  sync: SyncEvent;
  periodicsync: PeriodicSyncEvent;
}

interface ServiceWorkerRegistration {
  readonly sync?: { register(tag: string): Promise<void> };
}
