import { AdminScreen } from "@/components/screens/admin-screen";

export default function AdminPage() {
  return <AdminScreen />;
}
