import { StatusPage } from "@/components/shell/status-page";

/** Rendered with HTTP 403 by `forbidden()` (lib/server/action.ts guardPage). */
export default function Forbidden() {
  return <StatusPage namespace="forbidden" />;
}
