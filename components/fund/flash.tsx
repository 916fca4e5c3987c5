"use client";

/**
 * A page-level status line for fund forms whose row disappears after success
 * (a paid payable, a decided request, a settled year): the message stays
 * visible after the server re-renders the page.
 */
import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";

const FlashContext = createContext<(message: string | undefined) => void>(() => undefined);

/** Show `message` in the nearest FlashArea. */
export function useFlash() {
  return useContext(FlashContext);
}

export function FlashArea({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<string | undefined>();
  const flash = useCallback((m: string | undefined) => setMessage(m), []);
  return (
    <FlashContext value={flash}>
      <div aria-live="polite">
        {message ? (
          <Alert tone="success" data-testid="fund-flash" className="mb-4 print:hidden">
            {message}
          </Alert>
        ) : null}
      </div>
      {children}
    </FlashContext>
  );
}
