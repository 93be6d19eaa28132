/** This worker's global scope, typed (lib.webworker types `self` as the generic worker scope). */
export const sw = self as unknown as ServiceWorkerGlobalScope;
