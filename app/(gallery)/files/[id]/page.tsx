import { FilesScreen } from "@/components/screens/files-screen";

export default async function FolderPage({ params }: { params: Promise<{ id: string }> }) {
  return <FilesScreen folderId={(await params).id} />;
}
