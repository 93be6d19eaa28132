"use client";

import { useEffect, useState } from "react";
import { THUMBS_CACHE } from "@/lib/pwa/cache-names";


/** The thumbnails viewed last, straight from the service worker's cache (so they show offline too). */
export function RecentThumbnails() {
  const [urls, setUrls] = useState<string[]>([]);
  useEffect(() => {
    if (!("caches" in window)) return;
    void caches.open(THUMBS_CACHE).then(async (cache) => setUrls((await cache.keys()).slice(-24).reverse().map((request) => new URL(request.url).pathname + new URL(request.url).search)));
  }, []);
  if (urls.length === 0) return null;
  return (
    <section className="mt-8" aria-label="Recently viewed">
      <h2 className="font-medium">Recently viewed</h2>
      <div className="mt-2 grid grid-cols-4 gap-1 sm:grid-cols-6">
        {urls.map((url) => (
          // eslint-disable-next-line @next/next/no-img-element -- cached thumbnails, served by the service worker
          <img key={url} src={url} alt="" loading="lazy" className="aspect-square w-full rounded object-cover" />
        ))}
      </div>
    </section>
  );
}
