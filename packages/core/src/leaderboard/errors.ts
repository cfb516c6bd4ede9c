import { DomainError } from "../errors";

/** `?around=me` needs to know who "me" is. */
export class AroundMeNeedsUser extends DomainError {
  constructor() {
    super("UNAUTHORIZED", "Sign in first: around=me needs an access token");
  }
}
