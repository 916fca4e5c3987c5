/**
 * Texts rendered on the server for records that outlive the request
 * (notification rows, e-mail/SMS bodies, cancellation reasons): taken from the
 * message catalogues in the portal's default language, Simplified Chinese.
 */
import { createTranslator } from "use-intl/core";
import { DEFAULT_LOCALE } from "@/lib/i18n/config";
import { messagesFor } from "@/lib/i18n/messages";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A translator for keys under `namespace` in the default language (zh-CN). */
export function defaultLocaleText(namespace: string): Translate {
  const t = createTranslator<Record<string, unknown>>({ locale: DEFAULT_LOCALE, messages: messagesFor(DEFAULT_LOCALE), timeZone: "Asia/Shanghai" });
  return (key, values) => (t as unknown as Translate)(`${namespace}.${key}`, values);
}
