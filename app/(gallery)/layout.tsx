import type { ReactNode } from "react";
import { ViewerHost } from "@/components/lightbox/viewer-host";
import { Providers } from "@/components/providers";
import { AppShell } from "@/components/shell/app-shell";
import { DropUpload } from "@/components/upload/drop-upload";

export default function GalleryLayout({ children }: { children: ReactNode }) {
  return (
    <Providers>
      <ViewerHost>
        <AppShell>
          <DropUpload>{children}</DropUpload>
        </AppShell>
      </ViewerHost>
    </Providers>
  );
}
