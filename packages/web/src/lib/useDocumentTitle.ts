import { useEffect } from "react";

/** Each page names itself in the tab and for screen readers arriving on it. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Credits Market` : "Credits Market";
  }, [title]);
}
