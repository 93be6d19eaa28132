import { randomUUID } from "node:crypto";

/** A WebDAV write lock on a path (RFC 4918 §6–7), held in memory: a restart releases every lock. */
export type DavLock = {
  token: string;
  /** The locked path (lock-table key: `/a/b`, `/` for the root). */
  root: string;
  depth: "0" | "infinity";
  scope: "exclusive" | "shared";
  /** The client's <D:owner> element, as sent (echoed back in lockdiscovery). */
  ownerXml: string;
  timeoutSeconds: number;
  expiresAt: number;
};

const MAX_TIMEOUT_S = 3600;
const locks = new Map<string, DavLock>();

function live(): DavLock[] {
  const now = Date.now();
  for (const [token, lock] of locks) if (lock.expiresAt <= now) locks.delete(token);
  return [...locks.values()];
}

const isUnder = (path: string, root: string) => root === "/" || path === root || path.startsWith(`${root}/`);

/** Locks that cover `path`: on it, or on an ancestor with depth infinity. */
export function locksCovering(path: string): DavLock[] {
  return live().filter((l) => l.root === path || (l.depth === "infinity" && isUnder(path, l.root)));
}

/** Locks on `path` itself or anywhere under it (what a DELETE or MOVE of a collection would break). */
export function locksWithin(path: string): DavLock[] {
  return live().filter((l) => isUnder(l.root, path));
}

/** The lock with this token, if it is live. */
export function findLock(token: string): DavLock | undefined {
  return live().find((l) => l.token === token);
}

/** The timeout a client asked for (`Second-N`, `Infinite`), capped at an hour. */
export function lockTimeout(header: string | undefined): number {
  const asked = /Second-(\d+)/i.exec(header ?? "")?.[1];
  return Math.min(MAX_TIMEOUT_S, asked ? Math.max(1, Number(asked)) : MAX_TIMEOUT_S);
}

/**
 * Takes a new lock, or null when a lock in the way conflicts (an exclusive lock anywhere on the
 * path or under it for depth infinity, or any lock there for an exclusive request).
 */
export function takeLock(input: Omit<DavLock, "token" | "expiresAt">): DavLock | null {
  const inTheWay = [...locksCovering(input.root), ...(input.depth === "infinity" ? locksWithin(input.root) : [])];
  if (inTheWay.some((l) => l.scope === "exclusive" || input.scope === "exclusive")) return null;
  const lock = { ...input, token: `opaquelocktoken:${randomUUID()}`, expiresAt: Date.now() + input.timeoutSeconds * 1000 };
  locks.set(lock.token, lock);
  return lock;
}

/** Extends a lock's timeout (a refresh). */
export function refreshLock(lock: DavLock, timeoutSeconds: number): void {
  lock.timeoutSeconds = timeoutSeconds;
  lock.expiresAt = Date.now() + timeoutSeconds * 1000;
}

/** Releases a lock; false when no live lock has this token. */
export function releaseLock(token: string): boolean {
  return locks.delete(token);
}

/** Releases every lock on `path` or under it (the resource was deleted or moved away). */
export function releaseLocksWithin(path: string): void {
  for (const lock of locksWithin(path)) locks.delete(lock.token);
}
