"use client";

/**
 * The success message of the last step, carried by the redirect as
 * `?flash=<message key>` (lib/server/action.ts `flash`). Rendered on the server
 * too, so it shows with JavaScript off; with JavaScript the parameter is then
 * removed from the address bar and the message stays until the user leaves the
 * page or closes it. Only keys of the message catalogue are shown.
 */
import { useEffect, useState } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { CircleCheck, X } from "lucide-react";

const FLASH_PARAM = "flash";
/** Window event announcing a flash (ActionForm resets / closes after a successful submit that redirected). */
export const FLASH_EVENT = "portal:flash";
const KEY = /^[a-z]+(\.[A-Za-z0-9]+){1,4}$/;

export function FlashBanner({ closeLabel }: { closeLabel: string }) {
  const t = useTranslations();
  const params = useSearchParams();
  const pathname = usePathname();
  const key = params.get(FLASH_PARAM);
  const [shown, setShown] = useState<{ key: string; path: string; n: number } | null>(key ? { key, path: pathname, n: 0 } : null);
  // A new flash in the address (also the same message again after it was removed): show it.
  const [lastKey, setLastKey] = useState<string | null>(key);
  if (key !== lastKey) {
    setLastKey(key);
    if (key) setShown({ key, path: pathname, n: (shown?.n ?? 0) + 1 });
  }

  useEffect(() => {
    if (!key) return;
    window.dispatchEvent(new CustomEvent(FLASH_EVENT, { detail: key }));
    const rest = new URLSearchParams(params.toString());
    rest.delete(FLASH_PARAM);
    const query = rest.toString();
    window.history.replaceState(window.history.state, "", `${pathname}${query ? `?${query}` : ""}${window.location.hash}`);
  }, [key, pathname, params]);

  const visible = shown && shown.path === pathname && KEY.test(shown.key) && t.has(shown.key) ? shown : null;
  return (
    <div aria-live="polite" className="pointer-events-none fixed inset-x-3 bottom-4 z-50 flex justify-center sm:inset-x-auto sm:right-6 print:hidden">
      {visible ? (
        <div
          key={visible.n}
          role="status"
          data-testid="flash"
          className="pointer-events-auto flex max-w-md items-start gap-2 rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900 shadow-lg"
        >
          <CircleCheck aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <span className="flex-1" data-testid="flash-text">
            {t(visible.key)}
          </span>
          <button type="button" onClick={() => setShown(null)} className="-m-1 rounded p-1 hover:bg-emerald-100" aria-label={closeLabel}>
            <X aria-hidden="true" className="size-4" />
          </button>
        </div>
      ) : null}
    </div>
  );
}
