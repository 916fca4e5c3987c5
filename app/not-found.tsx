import { StatusPage } from "@/components/shell/status-page";

/** Rendered with HTTP 404 by `notFound()` and for unknown addresses. */
export default function NotFound() {
  return <StatusPage namespace="notFound" />;
}
