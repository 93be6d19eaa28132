import type { ReactNode } from "react";
import { ViewerHost } from "@/components/lightbox/viewer-host";
import { Providers } from "@/components/providers";
import { AppShell } from "@/components/shell/app-shell";

export default function GalleryLayout({ children }: { children: ReactNode }) {
  return (
    <Providers>
      <ViewerHost>
        <AppShell>{children}</AppShell>
      </ViewerHost>
    </Providers>
  );
}
