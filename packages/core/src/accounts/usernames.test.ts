import { describe, expect, it } from "vitest";
import { isReservedUsername, usernameKey } from "./normalize";

describe("usernameKey: the TR39 confusable skeleton, case-folded", () => {
  it.each([
    ["aIice", "alice"],
    ["a1ice", "alice"],
    ["ALICE", "alice"],
    ["b0b", "bob"],
    ["rnallory", "mallory"],
    ["Mallory", "mallory"],
  ])("%s collides with %s", (lookalike, name) => {
    expect(usernameKey(lookalike)).toBe(usernameKey(name));
  });

  it("keeps different names apart", () => {
    expect(usernameKey("alice")).not.toBe(usernameKey("alicia"));
    expect(usernameKey("bob_1")).not.toBe(usernameKey("bob_2"));
  });

  it.each(["admin", "Administrator", "r00t", "support", "SYSTEM"])("reserves %s", (name) => {
    expect(isReservedUsername(name)).toBe(true);
  });

  it("does not reserve ordinary names", () => {
    expect(isReservedUsername("ada_l")).toBe(false);
  });
});
