/** What a rule refused with: the DomainError code of a call (other errors are rethrown). */
import { DomainError } from "@/lib/errors";

/** The DomainError code `fn` throws, or "(no error)". */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return "(no error)";
}

/**
 * The DomainError (code and values) `p` rejects with.
 * @throws Error when it resolves or rejects with another error
 */
export async function refusal(p: Promise<unknown>): Promise<{ code: string; values: Record<string, string | number> }> {
  try {
    await p;
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, values: error.values };
    throw error;
  }
  throw new Error("expected a DomainError");
}
