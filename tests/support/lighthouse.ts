// Lighthouse's performance audit for the benchmarks (bench:timeline): one run, a series of runs
// summed up by its median, and the framework floor — a bare Next.js page built from the same
// packages, audited in the same run, so a figure is read beside what Next.js and React cost alone.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import lighthouse, { desktopConfig, type Config } from "lighthouse";
import { chromium } from "playwright-core";
import { freePort } from "./app-process";

const ROOT = path.resolve(import.meta.dirname, "../..");

type TraceEvent = { name: string; ph: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } };

/**
 * The page's main thread in a Lighthouse trace: its tasks of 12.5 ms or more (50 ms or more once
 * Lighthouse's simulation slows every task 4×), their wall time, and the CPU time the thread
 * itself spent in them. On a 2-core box shared with the server and Chromium's other processes, the
 * difference is time the thread waited for a core, which the simulation counts as page work too.
 */
export function mainThreadTasks(traceEvents: TraceEvent[]) {
  const renderers = new Set(traceEvents.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
  const tasksOf = new Map<string, TraceEvent[]>();
  for (const e of traceEvents) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ph !== "X" || e.name !== "RunTask" || !renderers.has(thread)) continue;
    const tasks = tasksOf.get(thread);
    if (tasks) tasks.push(e);
    else tasksOf.set(thread, [e]);
  }
  // The page's renderer is the one that ran the most tasks (the blank page before it ran few).
  const tasks = [...tasksOf.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  const long = tasks.filter((t) => (t.dur ?? 0) >= 12_500);
  return { tasks: long.length, wallMs: Math.round(long.reduce((s, t) => s + (t.dur ?? 0), 0) / 1000), cpuMs: Math.round(long.reduce((s, t) => s + (t.tdur ?? 0), 0) / 1000) };
}

/**
 * Lighthouse's performance category for `url` in a fresh headless Chromium reached over its
 * debugging port: score, FCP, LCP, TBT, CLS, Speed Index, the requests that left loopback (which
 * must be none), what it blames, and the main thread's long tasks in wall and CPU time. The
 * report is kept in bench-out/ under `report`.
 */
export async function lighthouseRun(url: string, preset: "mobile" | "desktop", report: string) {
  const port = await freePort();
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", `--remote-debugging-port=${port}`] });
  try {
    const config: Config | undefined = preset === "desktop" ? desktopConfig : undefined;
    const result = await lighthouse(url, { port, onlyCategories: ["performance"], logLevel: "error", output: "json" }, config);
    if (!result) throw new Error("lighthouse returned no result");
    const { lhr, artifacts } = result;
    fs.mkdirSync(path.join(ROOT, "bench-out"), { recursive: true });
    fs.writeFileSync(path.join(ROOT, "bench-out", `${report}.json`), JSON.stringify(lhr));
    const ms = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? NaN);
    const urls = (artifacts.DevtoolsLog ?? []).flatMap((e) => (e.method === "Network.requestWillBeSent" ? [e.params.request.url] : []));
    const offBox = urls.filter((u) => !/^(data:|blob:|about:|chrome|https?:\/\/(127\.0\.0\.1|localhost)[:/])/.test(u));
    return {
      score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      fcpMs: ms("first-contentful-paint"),
      lcpMs: ms("largest-contentful-paint"),
      tbtMs: ms("total-blocking-time"),
      cls: Number((lhr.audits["cumulative-layout-shift"]?.numericValue ?? NaN).toFixed(3)),
      speedIndexMs: ms("speed-index"),
      requests: urls.length,
      // Lighthouse's CPU benchmark of this box (a typical desktop scores 1,000–2,500): its simulation slows every observed task 4× whatever the box's own speed.
      benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
      mainThreadLongTasks: mainThreadTasks((artifacts.Trace?.traceEvents ?? []) as TraceEvent[]),
      // What the audit blames: the LCP element and its phases, the scripts that kept the main thread busy.
      lcpElement: (lhr.audits["largest-contentful-paint-element"]?.details as { items?: { items?: { node?: { snippet?: string } }[] }[] } | undefined)?.items?.[0]?.items?.[0]?.node?.snippet,
      lcpPhases: (lhr.audits["largest-contentful-paint-element"]?.details as { items?: { items?: { phase?: string; timing?: number }[] }[] } | undefined)?.items?.[1]?.items?.map((i) => `${i.phase}: ${Math.round(i.timing ?? 0)} ms`),
      bootup: (lhr.audits["bootup-time"]?.details as { items?: { url: string; scripting: number }[] } | undefined)?.items?.slice(0, 4).map((i) => `${i.url.replace(/^https?:\/\/[^/]+/, "")}: ${Math.round(i.scripting)} ms`),
      // Lighthouse's longest main-thread tasks (simulated durations) and where the main thread's time went.
      longTasks: (lhr.audits["long-tasks"]?.details as { items?: { url: string; startTime: number; duration: number }[] } | undefined)?.items?.slice(0, 8).map((i) => `${Math.round(i.startTime)} ms +${Math.round(i.duration)} ms ${i.url.replace(/^https?:\/\/[^/]+/, "")}`),
      mainThreadMs: Object.fromEntries(((lhr.audits["mainthread-work-breakdown"]?.details as { items?: { group: string; duration: number }[] } | undefined)?.items ?? []).map((i) => [i.group, Math.round(i.duration)])),
      scriptKb: Math.round((lhr.audits["total-byte-weight"]?.details as { items?: { url: string; totalBytes: number }[] } | undefined)?.items?.filter((i) => /\.js/.test(i.url)).reduce((s, i) => s + i.totalBytes, 0) ?? 0) / 1024,
      offBoxRequests: offBox,
      runtimeError: lhr.runtimeError?.message,
      warnings: lhr.runWarnings,
    };
  } finally {
    await browser.close();
  }
}

/**
 * `runs` audits of `url` one after another (a single run's score moves by several points on this
 * box): each run's headline figures, and the run with the median score in full.
 */
export async function lighthouseSeries(url: string, preset: "mobile" | "desktop", runs: number, report: string) {
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await lighthouseRun(url, preset, `${report}-${i + 1}`));
  const median = [...all].sort((a, b) => a.score - b.score)[Math.floor(all.length / 2)]!;
  return { runs: all.map((r) => ({ score: r.score, tbtMs: r.tbtMs, lcpMs: r.lcpMs, speedIndexMs: r.speedIndexMs, longTaskWallMs: r.mainThreadLongTasks.wallMs, longTaskCpuMs: r.mainThreadLongTasks.cpuMs })), median };
}

/**
 * A bare Next.js page (a heading, no client component of its own) built with this checkout's
 * Next.js and React and served by `next start` on loopback: what the framework's own start-up
 * costs a page on this box. Built in bench-out/next-floor; `stop` ends the server.
 */
export async function startNextFloor(): Promise<{ url: string; stop: () => void }> {
  const dir = path.join(ROOT, "bench-out", "next-floor");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, "app"), { recursive: true });
  fs.writeFileSync(path.join(dir, "app", "layout.jsx"), `export const viewport = { width: "device-width", initialScale: 1 };\nexport default function RootLayout({ children }) { return <html lang="en"><body>{children}</body></html>; }\n`);
  fs.writeFileSync(path.join(dir, "app", "page.jsx"), `export default function Page() { return <main><h1>Photos</h1><p>A bare Next.js page.</p></main>; }\n`);
  // Turbopack resolves packages only under its root: this checkout, whose node_modules it uses.
  fs.writeFileSync(path.join(dir, "next.config.mjs"), `export default { turbopack: { root: ${JSON.stringify(ROOT)} } };\n`);
  const next = path.join(ROOT, "node_modules", ".bin", "next");
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  await new Promise<void>((resolve, reject) => {
    const build = spawn(next, ["build", dir], { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
    let errors = "";
    build.stderr.on("data", (d: Buffer) => (errors += d));
    build.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build of the floor page failed (${code}):\n${errors}`))));
  });
  const port = await freePort();
  const server = spawn(next, ["start", dir, "-p", String(port), "-H", "127.0.0.1"], { cwd: ROOT, env, stdio: "ignore" });
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 60_000;
  while (!(await fetch(url).then((r) => r.ok).catch(() => false))) {
    if (server.exitCode !== null || Date.now() > deadline) throw new Error("the floor page's server did not start");
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, stop: () => void server.kill() };
}
