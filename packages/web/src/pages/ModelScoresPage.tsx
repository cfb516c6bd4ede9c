import { PageHeader } from "../components/ui";
import { useDocumentTitle } from "../lib/useDocumentTitle";

export function ModelScoresPage() {
  useDocumentTitle("Model scores");
  return <PageHeader title="Model scores" />;
}
