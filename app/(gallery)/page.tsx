import { ShelfScreen } from "@/components/screens/shelf-screen";

export default function PhotosPage() {
  return <ShelfScreen view="timeline" />;
}
