import { DocumentsScreen } from "@/components/screens/documents-screen";

export default function DocumentsPage() {
  return <DocumentsScreen />;
}
