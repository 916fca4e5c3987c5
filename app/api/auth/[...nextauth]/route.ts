// next-auth's own endpoints (session, CSRF, credentials callback, sign-out).
// Allowlisted in tests/unit/authz-coverage.test.ts: this IS the authentication;
// the credentials callback is throttled inside authorize() (lib/auth/config.ts).
import { handlers } from "@/lib/auth/config";

export const { GET, POST } = handlers;
