import type { MetadataRoute } from "next";

/**
 * The web app manifest (/manifest.webmanifest): installable on Chrome for Android, and listed in
 * the share sheet for photos, videos and PDFs, one or many (POST /share, handled by the service
 * worker, or by app/share/route.ts when none is running).
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Albums",
    short_name: "Albums",
    description: "Your photos and documents, on your own box.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#0f172a",
    theme_color: "#0f172a",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
    share_target: {
      action: "/share",
      method: "post",
      enctype: "multipart/form-data",
      params: { title: "title", text: "text", url: "url", files: [{ name: "files", accept: ["image/*", "video/*", "application/pdf", ".heic", ".heif", ".dng"] }] },
    },
  };
}
