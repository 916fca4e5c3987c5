import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".next-*/**", ".data/**", "lib/generated/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    // Components by owner (issue 7.5): shared components and engines never reach back into a route.
    files: ["components/**", "lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^(@/app/|(\\.\\./)+app/)", message: "components/ and lib/ must not import from app/: pass the server action as a prop, or move the component beside its route (app/(portal)/<feature>/_components/)." }] },
      ],
    },
  },
  {
    files: ["scripts/**", "prisma/**", "tests/**", "bench/**"],
    rules: { "no-console": "off" },
  },
]);
