import { ShelfScreen } from "@/components/screens/shelf-screen";

export default function TrashPage() {
  return <ShelfScreen view="trash" />;
}
