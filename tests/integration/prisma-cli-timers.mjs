/**
 * Preload (node --import) for tests/integration/prisma-cli.test.ts: records
 * the long timers (≥ 10 s) that the Prisma CLI's WebAssembly engine arms and
 * never clears. At exit each process appends one JSON line to $TIMER_LOG:
 * { pid, armed, pending } — timers armed from wasm code, and those still
 * pending (neither fired nor cleared) when the process exits.
 */
import fs from "node:fs";

const LONG = 10_000;
const pending = new Set();
let armed = 0;
const originalClear = { setTimeout: globalThis.clearTimeout, setInterval: globalThis.clearInterval };
for (const [name, clear] of [
  ["setTimeout", "clearTimeout"],
  ["setInterval", "clearInterval"],
]) {
  const original = globalThis[name];
  globalThis[name] = function (handler, ms, ...args) {
    const fromWasm = (ms ?? 0) >= LONG && /wasm:\/\//.test(new Error().stack ?? "");
    let timer;
    const wrapped =
      fromWasm && typeof handler === "function" && name === "setTimeout"
        ? (...a) => {
            pending.delete(timer);
            return handler(...a);
          }
        : handler;
    timer = original(wrapped, ms, ...args);
    if (fromWasm) {
      armed++;
      pending.add(timer);
    }
    return timer;
  };
  const originalClearFn = originalClear[name];
  globalThis[clear] = function (timer) {
    pending.delete(timer);
    return originalClearFn(timer);
  };
}
process.on("exit", () => {
  if (process.env.TIMER_LOG) fs.appendFileSync(process.env.TIMER_LOG, `${JSON.stringify({ pid: process.pid, armed, pending: pending.size })}\n`);
});
