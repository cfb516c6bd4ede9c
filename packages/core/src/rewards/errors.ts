import { DomainError } from "../errors";

/** A second claim inside the 24 h after the last one; `nextClaimAvailable` says when. */
export class DailyRewardClaimed extends DomainError {
  readonly nextClaimAvailable: string;

  constructor(nextClaimAvailable: string) {
    super("DAILY_REWARD_CLAIMED", "Daily reward already claimed", { nextClaimAvailable });
    this.nextClaimAvailable = nextClaimAvailable;
  }
}
