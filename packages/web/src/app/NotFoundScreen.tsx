import { Link } from "@tanstack/react-router";
import { buttonClass } from "../components/Button";
import { EmptyState } from "../components/ui";
import { useDocumentTitle } from "../lib/useDocumentTitle";

export function NotFoundScreen() {
  useDocumentTitle("Page not found");
  return (
    <EmptyState title="Page not found">
      <p>The page you asked for isn't here.</p>
      <Link to="/" className={buttonClass()}>
        Browse markets
      </Link>
    </EmptyState>
  );
}
