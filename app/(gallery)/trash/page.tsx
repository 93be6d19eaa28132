import { ShelfScreen } from "@/components/screens/shelf-screen";
import { getConfig } from "@/lib/config";

export default function TrashPage() {
  return <ShelfScreen view="trash" trashDays={getConfig().trashDays} />;
}
