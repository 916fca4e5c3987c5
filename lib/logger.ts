/** Structured logging (pino, JSON lines on stdout). */
import pino from "pino";
import { env } from "./env";

let instance: pino.Logger | undefined;

export function logger(): pino.Logger {
  instance ??= pino({
    level: env().LOG_LEVEL,
    base: { app: "union-portal" },
    redact: { paths: ["password", "*.password", "passwordHash", "*.passwordHash", "bankAccountNumber", "*.bankAccountNumber"], censor: "[redacted]" },
  });
  return instance;
}
