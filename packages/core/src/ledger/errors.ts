import { DomainError } from "../errors";

/** Opening an account for an id that has one already (a retried registration). */
export class AccountExists extends DomainError {
  constructor(userId: string) {
    super("ACCOUNT_EXISTS", "An account with this id already exists", { userId });
  }
}

/**
 * A named extra write of a ledger transaction (`alsoWrite`'s `bet`, `marketOpen`...)
 * failed its condition; nothing was written.
 */
export class ExtraWriteRejected extends Error {
  constructor(
    readonly write: string,
    readonly code: string,
  ) {
    super(`Extra write "${write}" of the ledger transaction was rejected (${code})`);
    this.name = "ExtraWriteRejected";
  }
}

/** An idempotency key points at a ledger entry that is not there: the ledger is damaged. */
export class LedgerEntryMissing extends Error {
  constructor(idempotencyKey: string) {
    super(`Ledger entry missing for idempotency key ${idempotencyKey}`);
    this.name = "LedgerEntryMissing";
  }
}
