import { FilesScreen } from "@/components/screens/files-screen";

export default function FilesPage() {
  return <FilesScreen folderId={null} />;
}
