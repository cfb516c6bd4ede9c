import { placeBet, settleMarketPage } from "@market/core/bets";
import { getBalance, history, reconcile } from "@market/core/ledger";
import { resolveMarket } from "@market/core/markets";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, jsonRequest } from "../../test-support/app";
import { anOpenMarket } from "../../test-support/core";
import {
  bearer,
  randomIp,
  registerUser,
  type SignedInUser,
  uniqueName,
} from "../../test-support/users";

let setup: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  setup = await createTestApp({
    env: { REFERRAL_BONUS: "100", REFERRAL_MAX_PER_MONTH: "2", REGISTER_PER_IP_PER_HOUR: "1000" },
  });
});

const referralOf = async (user: SignedInUser) => {
  const response = await setup.app.request("/api/v1/users/me/referral", {
    headers: bearer(user.accessToken),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    code: string;
    link: string;
    referred: number;
    creditsEarned: number;
  };
};

async function registerWith(referralCode: string) {
  const username = uniqueName("r");
  return setup.app.request(
    "/api/v1/auth/register",
    jsonRequest(
      "POST",
      {
        username,
        email: `${username}@example.com`,
        password: "a long enough password",
        referralCode,
      },
      { "x-forwarded-for": randomIp() },
    ),
  );
}

/** Places a bet of 10 on "this" for the user on a fresh market; returns the market. */
async function placeABet(userId: string) {
  const marketId = await anOpenMarket(setup.core, {});
  await placeBet(setup.core, { userId, marketId, side: "this", amount: 10 });
  return marketId;
}

/** Resolves the market (the bet won or lost) and settles it. */
async function settle(marketId: string, win: boolean) {
  await resolveMarket(setup.core, marketId, win ? "this" : "that");
  await settleMarketPage(setup.core, marketId);
}

/** Places a bet for the user on a fresh market and settles it (won or lost). */
async function settleABet(userId: string, win: boolean) {
  await settle(await placeABet(userId), win);
}

const balanceOf = async (userId: string) => (await getBalance(setup.core, userId)).balance;

describe("referrals", () => {
  it("give every user one code and a registration link", async () => {
    const ada = await registerUser(setup.app);
    const first = await referralOf(ada);
    expect(first.code).toMatch(/^[0-9a-z]{8}$/);
    expect(first.link).toBe(`http://localhost:3000/register?ref=${first.code}`);
    expect(first).toMatchObject({ referred: 0, creditsEarned: 0 });
    const [again, concurrently] = await Promise.all([referralOf(ada), referralOf(ada)]);
    expect(again.code).toBe(first.code);
    expect(concurrently.code).toBe(first.code);
  });

  it("pay the referrer and the new user once, only after the new user's first settled bet", async () => {
    const ada = await registerUser(setup.app);
    const { code } = await referralOf(ada);
    const response = await registerWith(code.toUpperCase());
    expect(response.status).toBe(201);
    const bo = ((await response.json()) as { user: { id: string } }).user;
    expect(await referralOf(ada)).toMatchObject({ referred: 1, creditsEarned: 0 });
    // Not at sign-up.
    expect(await balanceOf(ada.user.id)).toBe(1000);
    expect(await balanceOf(bo.id)).toBe(1000);

    // Nor at a placed bet that has not settled, even once derived work has run.
    const marketId = await placeABet(bo.id);
    await setup.redeliverStream();
    expect(await balanceOf(ada.user.id)).toBe(1000);
    expect(await balanceOf(bo.id)).toBe(990);
    expect(await referralOf(ada)).toMatchObject({ referred: 1, creditsEarned: 0 });

    await settle(marketId, false);
    expect(await balanceOf(ada.user.id)).toBe(1100);
    expect(await balanceOf(bo.id)).toBe(1000 - 10 + 100);
    // A second settled bet pays nothing more.
    await settleABet(bo.id, true);
    expect((await history(setup.core, ada.user.id, { type: "referral_bonus" })).total).toBe(1);
    expect((await history(setup.core, bo.id, { type: "referral_bonus" })).total).toBe(1);
    expect(await referralOf(ada)).toMatchObject({ referred: 1, creditsEarned: 100 });
    expect((await reconcile(setup.core, ada.user.id)).consistent).toBe(true);
    expect((await reconcile(setup.core, bo.id)).consistent).toBe(true);
  });

  it("pay a referrer at most REFERRAL_MAX_PER_MONTH times a month", async () => {
    const cy = await registerUser(setup.app);
    const { code } = await referralOf(cy);
    const friends: string[] = [];
    for (let index = 0; index < 3; index++) {
      const response = await registerWith(code);
      friends.push(((await response.json()) as { user: { id: string } }).user.id);
    }
    for (const friend of friends) await settleABet(friend, false);
    expect(await balanceOf(cy.user.id)).toBe(1200);
    expect(await referralOf(cy)).toMatchObject({ referred: 3, creditsEarned: 200 });
    expect(await balanceOf(friends[2] as string)).toBe(990);
  });

  it("refuse an unknown code at registration with a 400 naming it", async () => {
    const response = await registerWith("nosuchcd");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: "VALIDATION_ERROR",
      details: { fields: { referralCode: "is not a referral code" } },
    });
  });
});
