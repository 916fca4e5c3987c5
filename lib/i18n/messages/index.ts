/**
 * Message catalogues: one JSON file per feature and locale, deep-merged (a
 * feature may add keys under shared namespaces such as "errors" or "nav").
 * A feature adds its file in both locale folders and lists it in FILES.
 */
import type { Locale } from "../config";
import zhCommon from "./zh-CN/common.json";
import enCommon from "./en/common.json";
import zhAdmin from "./zh-CN/admin.json";
import enAdmin from "./en/admin.json";
import zhApplications from "./zh-CN/applications.json";
import enApplications from "./en/applications.json";
import zhFund from "./zh-CN/fund.json";
import enFund from "./en/fund.json";
import zhVitality from "./zh-CN/vitality.json";
import enVitality from "./en/vitality.json";
import zhSecurity from "./zh-CN/security.json";
import enSecurity from "./en/security.json";

type Tree = { [key: string]: string | Tree };

const FILES: Record<Locale, Tree[]> = {
  "zh-CN": [zhCommon, zhAdmin, zhApplications, zhFund, zhVitality, zhSecurity],
  en: [enCommon, enAdmin, enApplications, enFund, enVitality, enSecurity],
};

/** Deep merge; a later file may add keys but never silently replace a message. */
export function mergeMessages(files: Tree[]): Tree {
  const out: Tree = {};
  const merge = (target: Tree, source: Tree, path: string) => {
    for (const [key, value] of Object.entries(source)) {
      const existing = target[key];
      if (typeof value === "object" && typeof existing === "object") merge(existing, value, `${path}${key}.`);
      else if (existing !== undefined) throw new Error(`duplicate message key ${path}${key}`);
      else target[key] = typeof value === "object" ? merge({}, value, `${path}${key}.`) : value;
    }
    return target;
  };
  for (const file of files) merge(out, file, "");
  return out;
}

const catalogues: Record<Locale, Tree> = {
  "zh-CN": mergeMessages(FILES["zh-CN"]),
  en: mergeMessages(FILES.en),
};

export function messagesFor(locale: Locale): Tree {
  return catalogues[locale];
}
