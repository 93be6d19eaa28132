import { ShelfScreen } from "@/components/screens/shelf-screen";
import { EarlyTimelineFetch } from "@/components/timeline/early-fetch";

export default function PhotosPage() {
  return (
    <>
      <EarlyTimelineFetch view="timeline" memories />
      <ShelfScreen view="timeline" />
    </>
  );
}
