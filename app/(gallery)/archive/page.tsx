import { ShelfScreen } from "@/components/screens/shelf-screen";

export default function ArchivePage() {
  return <ShelfScreen view="archive" />;
}
