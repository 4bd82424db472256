"use client";

import { useEffect } from "react";

/**
 * While a form holds what the user typed and has not saved, leaving the page asks first: a link
 * (another step, the other language, the site's menu) is confirmed before it navigates, and
 * closing or reloading the tab gets the browser's own warning. Links are caught at the
 * document, before the router sees them.
 */
export function useUnsavedChangesGuard(dirty: boolean, question: string): void {
  useEffect(() => {
    if (!dirty) return;
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!link || link.hasAttribute("download") || link.getAttribute("target") === "_blank") return;
      // In-page anchors, mail and phone links do not leave the page.
      if (/^(#|mailto:|tel:)/.test(link.getAttribute("href") ?? "")) return;
      if (window.confirm(question)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    document.addEventListener("click", onClick, true);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, [dirty, question]);
}
