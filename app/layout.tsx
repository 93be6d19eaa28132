import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { FormatWarmUp } from "@/components/format-warm-up";
import { ServiceWorkerRegistration } from "./_pwa/service-worker-registration";
import "./globals.css";

// Every page renders per request, so Next.js can put the CSP nonce on its scripts.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Albums",
  description: "Your photos and documents, on your own box.",
  applicationName: "Albums",
  icons: { icon: "/icons/icon-192.png", apple: "/icons/apple-touch-icon.png" },
};
export const viewport: Viewport = { themeColor: "#0f172a", width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <FormatWarmUp />
      </head>
      <body className="min-h-dvh bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        {children}
        <ServiceWorkerRegistration />
      </body>
    </html>
  );
}
