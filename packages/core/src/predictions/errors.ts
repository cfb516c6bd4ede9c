import { DomainError } from "../errors";

/** Unknown, unavailable, duplicated or too many models: a 400 naming the problem. */
export class InvalidModelSelection extends DomainError {
  constructor(message: string, details: Record<string, unknown>) {
    super("INVALID_MODEL_SELECTION", message, details);
  }
}

/** Unknown session, or someone else's: the same answer. */
export class SessionNotFound extends DomainError {
  constructor(sessionId: string) {
    super("SESSION_NOT_FOUND", "Prediction session not found", { sessionId });
  }
}

/** The charge went through but the workflow did not start; the credits were refunded at once. */
export class WorkflowStartFailed extends DomainError {
  constructor(sessionId: string, refunded: boolean, cause: unknown) {
    super(
      "WORKFLOW_START_FAILED",
      "The prediction could not start; your credits were refunded",
      { sessionId, refunded },
      { cause },
    );
  }
}
