"use client";

import { useEffect } from "react";
import { markThreadReadAction } from "@/lib/conversation/actions";

/**
 * R-MSG-5: once the thread is on screen, what it showed is read (up to its newest message, so a
 * message written meanwhile stays unread). Renders nothing; a failure only leaves the count.
 */
export function MarkThreadRead({ applicationId, upTo }: { applicationId: string; upTo: string }) {
  useEffect(() => {
    void markThreadReadAction({ applicationId, upTo });
  }, [applicationId, upTo]);
  return null;
}
