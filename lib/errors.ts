/**
 * Errors a user can cause. Each carries a message key (namespace "errors" in
 * lib/i18n/messages) and values; the action layer turns it into a clear
 * Chinese (or English) message and an HTTP-like status. Anything else is a bug:
 * logged, and shown as a generic message — never a 500 page for user input.
 */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

export class DomainError extends Error {
  constructor(
    /** i18n key under "errors", e.g. "application.outOfOrder" */
    readonly code: string,
    readonly values: Record<string, string | number> = {},
    readonly status: ErrorStatus = 422,
  ) {
    super(code);
    this.name = "DomainError";
  }
}

/** The authorization gate said no (deny by default). */
export class ForbiddenError extends DomainError {
  constructor(code = "forbidden") {
    super(code, {}, 403);
    this.name = "ForbiddenError";
  }
}

export class NotFoundError extends DomainError {
  constructor(code = "notFound") {
    super(code, {}, 404);
    this.name = "NotFoundError";
  }
}

/** Someone else changed the record first (optimistic concurrency). */
export class ConflictError extends DomainError {
  constructor(code = "conflict", values: Record<string, string | number> = {}) {
    super(code, values, 409);
    this.name = "ConflictError";
  }
}

export class UnauthenticatedError extends DomainError {
  constructor() {
    super("unauthenticated", {}, 401);
    this.name = "UnauthenticatedError";
  }
}
