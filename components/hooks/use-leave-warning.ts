"use client";

import { useEffect } from "react";

/**
 * While `active`, leaving or reloading the page asks first: a job that runs in this tab (bulk
 * delete, import) would stop half-way. A bulk run is offered for resuming afterwards, but nothing
 * is sent while no tab runs it. Browsers show their own wording, so there is no message.
 */
export function useLeaveWarning(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium and Safari still ask only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [active]);
}
