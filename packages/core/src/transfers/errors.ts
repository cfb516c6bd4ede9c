import { DomainError } from "../errors";

export class TransferToSelf extends DomainError {
  constructor() {
    super("TRANSFER_TO_SELF", "You cannot send credits to yourself", {
      fields: { toUsername: "is you" },
    });
  }
}

/** Under `TRANSFER_MIN`, over `TRANSFER_MAX_PER_DAY`, or not an amount of credits. */
export class InvalidTransferAmount extends DomainError {
  constructor(reason: string, limits: { min: number; maxPerDay: number }) {
    super("INVALID_TRANSFER_AMOUNT", `Invalid transfer amount: ${reason}`, {
      fields: { amount: reason },
      ...limits,
    });
  }
}

/** The gift would take the sender's total of the day past `TRANSFER_MAX_PER_DAY`. */
export class TransferDailyLimit extends DomainError {
  constructor(details: { sentToday: number; maxPerDay: number; remaining: number }) {
    super(
      "TRANSFER_DAILY_LIMIT",
      `You can send ${details.remaining} more credits today (at most ${details.maxPerDay} a day)`,
      details,
    );
  }
}

/** The sender's account is younger than `TRANSFER_MIN_ACCOUNT_AGE_HOURS`. */
export class AccountTooNew extends DomainError {
  constructor(details: { minAgeHours: number; allowedFrom: string }) {
    super(
      "ACCOUNT_TOO_NEW",
      `Accounts can send credits ${details.minAgeHours} hours after they are created`,
      details,
    );
  }
}
