import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];

/** Real Chromium with a persistent profile (IndexedDB, caches and the service worker survive a relaunch). */
export function launchProfile(profileDir: string, options: { serviceWorkers?: "allow" | "block" } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, { executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS, ...options });
}

/** Opens a page and waits until the service worker controls it. */
export async function openControlled(context: BrowserContext, url: string): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  return page;
}

/** Waits until `count` queue rows of the upload screen are in `state`. */
export async function waitForState(page: Page, state: string, count: number, timeout = 30_000): Promise<void> {
  try {
    await page.waitForFunction(([s, n]) => document.querySelectorAll(`[data-testid=queue-item][data-state=${s}]`).length >= (n as number), [state, count] as const, { timeout });
  } catch (error) {
    const rows = await page.locator("[data-testid=queue-item]").evaluateAll((items) => items.map((i) => `${i.getAttribute("data-name")}: ${i.getAttribute("data-state")} ${i.querySelector("[data-testid=item-status]")?.textContent}`));
    throw new Error(`${(error as Error).message}\nqueue on ${page.url()}:\n${rows.join("\n")}`);
  }
}

export const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

/** The ingest audit outcomes recorded for a SHA-256 (one "ingested" and nothing else = uploaded exactly once). */
export function auditOutcomes(databasePath: string, sha: string): string[] {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT outcome FROM IngestAudit WHERE sha256 = ? ORDER BY id").all(sha) as { outcome: string }[]).map((r) => r.outcome);
  } finally {
    db.close();
  }
}
