/// <reference lib="dom" />
import { resolveMarket } from "@market/core/markets";
import { runRankingJob } from "@market/functions/jobs/ranking";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { anOpenMarket } from "../../core/src/test-support/markets";
import {
  type BrowserSuite,
  balanceText,
  checkPage,
  haveChromium,
  logInFromBetForm,
  newUser,
  signUp,
  useBrowserStack,
  viewports,
} from "./stack";

/**
 * What a first run meets after the first bet: a forecast's "Bet …" link, the
 * forecasts' wording, the model scores, which markets offer Predict, a sign-in
 * that ends mid-bet, and the boards against the profile.
 */
let suite: BrowserSuite;

/** The demo market whose invented history the stack backfills first (momentum sees a trend). */
const demoMarketId = "pm_990000101";

/** Words a newcomer would not know: `method` ("How this model works") may hold them, the write-up never. */
const jargon = /log-?odds|\bprior\b|R²|posterior|logit|\bbeta\b|pseudo-?obs|overround|normalis/i;

/** Every `$` in a text, with what comes before it: only Polymarket's own dollars may be one. */
const dollars = (text: string) =>
  [...text.matchAll(/\$/g)].map((found) =>
    text.slice(Math.max(0, (found.index ?? 0) - 24), (found.index ?? 0) + 1),
  );

async function signedIn(prefix: string) {
  const page = await suite.pages.newPage(suite.stack.origin);
  const user = newUser(prefix);
  await signUp(page, suite.stack.origin, user);
  const token = await suite.stack.tokenFor(user.email, user.password);
  return { page, user, token };
}

/**
 * A credits market of this run, first on the trending lists (`volume24h`), so
 * a list shows it on its first page whatever the demo markets are.
 */
async function aListedMarket(title: string, overrides: Parameters<typeof anOpenMarket>[1] = {}) {
  const marketId = await anOpenMarket(suite.stack.core, {
    title: `${title} ${Date.now().toString(36)}`,
    volume24h: 1_000_000_000,
    ...overrides,
  });
  const { body } = await suite.stack.api(`/markets/${marketId}`);
  return { marketId, title: body.title as string };
}

/** Resolves a market and runs its settlement workflow to the end (payouts, forecast scores, boards). */
async function resolveAndSettle(marketId: string, side: "this" | "that") {
  const { stack } = suite;
  await resolveMarket(stack.core, marketId, side);
  await stack.deps.services.settlement.start(marketId);
  await Promise.all(stack.settlements);
}

interface Forecast {
  modelId: string;
  probability: number;
  marketProbability: number | null;
}

/** A Predict with AI session started through the API, once it has finished. */
async function finishedSession(token: string, marketId: string, selectedModels: string[]) {
  const { api } = suite.stack;
  const started = await api("/predictions/sessions", {
    method: "POST",
    token,
    body: { marketId, selectedModels },
  });
  expect(started.status).toBe(201);
  const sessionId = started.body.sessionId as string;
  const read = () => api(`/predictions/sessions/${sessionId}`, { token });
  await expect.poll(async () => (await read()).body.status, { timeout: 20_000 }).toBe("finished");
  return { sessionId, predictions: (await read()).body.predictions as Forecast[] };
}

/** Opens a session's results page and waits for its forecasts. */
async function openResults(page: Page, marketId: string, sessionId: string, models: number) {
  await page.goto(`/predict/${marketId}/${sessionId}`);
  await expect
    .poll(() => page.getByTestId("step").innerText(), { timeout: 15_000 })
    .toContain("Finished");
  const forecasts = page.getByRole("article", { name: /^Forecast of/ });
  await expect.poll(() => forecasts.count()).toBe(models);
  return forecasts;
}

/** The Predict actions a part of the page offers (a link, or a disabled button at 0 credits). */
const predictActions = (scope: Locator) =>
  scope.getByRole("link", { name: /^Predict/ }).or(scope.getByRole("button", { name: /^Predict/ }));

const allModels = ["consensus", "momentum", "base-rate"];

describe.skipIf(!haveChromium)("after the first bet, in Chromium", () => {
  suite = useBrowserStack({ ODDS_BACKFILLS_PER_SYNC: "2", SESSION_POLL_SECONDS: "0.3" });

  it("bets the side the models lean to from a finished session's 'Bet …' link", async () => {
    const { page, token } = await signedIn("lean");
    // At 25% for Yes every model leans to No: not the side a bet form starts on.
    const { marketId, title } = await aListedMarket("Will the ferry leave on time?", {
      thisOdds: 0.25,
    });
    const { sessionId } = await finishedSession(token, marketId, allModels);
    await openResults(page, marketId, sessionId, allModels.length);
    await expect.poll(() => balanceText(page)).toBe("997 credits");

    const bet = page.getByRole("link", { name: /^Bet No at \d+(\.\d)?%$/ });
    expect(await bet.count()).toBe(1);
    await bet.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/markets/${marketId}`);
    await expect.poll(() => page.getByRole("radio", { name: /^No/ }).isChecked()).toBe(true);
    expect(await page.getByRole("radio", { name: /^Yes/ }).isChecked()).toBe(false);

    await page.getByLabel("Amount (credits)").fill("50");
    await page.getByRole("button", { name: /Place bet/ }).click();
    await expect.poll(() => balanceText(page)).toBe("947 credits");
    await page.getByRole("link", { name: "My bets" }).first().click();
    const row = page.getByRole("row").filter({ hasText: title });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toMatch(/\bNo\b[\s\S]*\b50\b/);
    const mine = (await suite.stack.api("/bets/me", { token })).body.bets;
    expect(mine.map((b: { side: string; amount: number }) => [b.side, b.amount])).toEqual([
      ["that", 50],
    ]);
  }, 60_000);

  it("writes every forecast for a newcomer: no jargon, no dollars but Polymarket's", async () => {
    const { page, token } = await signedIn("plain");
    const { sessionId } = await finishedSession(token, demoMarketId, allModels);
    const forecasts = await openResults(page, demoMarketId, sessionId, allModels.length);

    const section = page.getByRole("region", { name: "Forecasts" });
    const shown = await section.innerText();
    // (Headings are upper-cased by CSS, and innerText says them so.)
    expect(shown).toMatch(/Key factors/i);
    expect(shown).not.toMatch(jargon);
    for (const text of await forecasts.allInnerTexts()) {
      expect(text).not.toMatch(jargon);
      for (const dollar of dollars(text))
        expect(dollar).toMatch(/Polymarket (volume|liquidity) \$$/);
    }
    // The technical account is there for whoever opens it, and only there.
    const methods = forecasts.locator("details");
    expect(
      await methods.evaluateAll((all) => all.map((el) => (el as HTMLDetailsElement).open)),
    ).toEqual(allModels.map(() => false));
    await checkPage(page, "predict-results-plain");
  }, 60_000);

  it("shows each model's skill score against the market once a predicted market resolved", async () => {
    const { page, token } = await signedIn("skill");
    const { marketId } = await aListedMarket("Will the lighthouse be repainted?", {
      thisOdds: 0.3,
      category: "Harbour",
    });
    const { predictions } = await finishedSession(token, marketId, allModels);
    await resolveAndSettle(marketId, "that");

    const models = (await suite.stack.api("/predictions/models")).body.models as {
      id: string;
      name: string;
    }[];
    await page.goto("/models");
    const skills = page.getByTestId("model-skill");
    await expect.poll(() => skills.count()).toBe(models.length);
    for (const forecast of predictions) {
      // The only resolved forecast of this run: 1 − model's Brier / the market's, on No (y = 0).
      const market = forecast.marketProbability as number;
      expect(market).toBeGreaterThan(0);
      const skill = Math.round((1 - forecast.probability ** 2 / market ** 2) * 1e4) / 1e4;
      const figure = `${skill > 0 ? "+" : skill < 0 ? "−" : ""}${Math.abs(skill).toFixed(2)}`;
      const name = models.find((model) => model.id === forecast.modelId)?.name as string;
      const item = skills.filter({ has: page.getByRole("heading", { name, exact: true }) });
      await expect
        .poll(() => item.innerText())
        .toMatch(new RegExp(`Skill vs market\\s+${figure.replace("+", "\\+")}\\s`));
      expect(await item.innerText()).toMatch(/Forecasts compared\s+1\b/);
      expect(await item.innerText()).toMatch(/Brier: model \/ market\s+0\.\d{3} \/ 0\.\d{3}/);
    }
    await checkPage(page, "model-scores-skill");
  }, 60_000);

  it("offers Predict on an open market only: not on a closed or resolved one, in the list or on its page", async () => {
    const { page } = await signedIn("nopredict");
    const open = await aListedMarket("Will the open pier reopen?");
    const closed = await aListedMarket("Will the closed pier reopen?", { status: "closed" });
    const resolved = await aListedMarket("Will the resolved pier reopen?");
    await resolveAndSettle(resolved.marketId, "this");

    for (const [market, status, offered] of [
      [open, "open", 1],
      [closed, "closed", 0],
      [resolved, "resolved", 0],
    ] as const) {
      // The list, and a search for the title's own word (a search result's card).
      const tag = market.title.split(" ").pop() as string;
      for (const list of [`/?status=${status}`, `/?status=${status}&q=${tag}`]) {
        await page.goto(list);
        const card = page.getByRole("article").filter({ hasText: market.title });
        await expect.poll(() => card.count(), { message: `card on ${list}` }).toBe(1);
        expect(await predictActions(card).count(), `Predict on ${list}`).toBe(offered);
      }

      await page.goto(`/markets/${market.marketId}`);
      await expect
        .poll(() => page.getByRole("heading", { level: 1 }).innerText())
        .toBe(market.title);
      await page.getByRole("complementary").getByRole("heading", { name: "Place a bet" }).waitFor();
      expect(
        await predictActions(page.locator("main")).count(),
        `Predict on the ${status} page`,
      ).toBe(offered);
    }
    // What the resolved page says instead.
    await page.getByText(/^Resolved: Yes won/).waitFor();
    await checkPage(page, "market-resolved-no-predict");
  }, 60_000);

  it("comes back to the same bet form, side and typed amount when the sign-in ends mid-bet, even after a reload", async () => {
    const { page, user, token } = await signedIn("midbet");
    const { marketId } = await aListedMarket("Will the tram run at midnight?");
    await page.goto(`/markets/${marketId}`);
    await page.getByRole("radio", { name: /^No/ }).check();
    await page.getByLabel("Amount (credits)").fill("42");

    // Another device signs out everywhere: this page's access and refresh tokens stop working.
    expect(
      (await suite.stack.api("/auth/logout-everywhere", { method: "POST", token })).status,
    ).toBe(200);
    await page.getByRole("button", { name: /Place bet/ }).click();
    await expect
      .poll(() => page.getByText("Your sign-in expired. Please log in again.").count())
      .toBe(1);
    const aside = page.getByRole("complementary");
    await aside.getByRole("link", { name: "Log in" }).waitFor();
    // A reload of the signed-out page still holds the side and amount (the tab's draft).
    await page.reload();
    const amount = await logInFromBetForm(page, user, marketId);
    expect(await amount.inputValue()).toBe("42");
    expect(await page.getByRole("radio", { name: /^No/ }).isChecked()).toBe(true);
    // Nothing was placed while signed out; the bet goes through now.
    await page.getByRole("button", { name: /Place bet/ }).click();
    await expect.poll(() => balanceText(page)).toBe("958 credits");
    const fresh = await suite.stack.tokenFor(user.email, user.password);
    const bets = (await suite.stack.api("/bets/me", { token: fresh })).body.bets;
    expect(bets.map((b: { side: string; amount: number }) => [b.side, b.amount])).toEqual([
      ["that", 42],
    ]);
  }, 60_000);

  it("gives a phone 44 px touch targets in the bet form: sides, quick amounts, the button", async () => {
    const { page } = await signedIn("touch");
    const { marketId } = await aListedMarket("Will the ferry sail at dawn?");
    await page.setViewportSize(viewports.mobile);
    await page.goto(`/markets/${marketId}`);
    const form = page.getByRole("complementary");
    await form.getByRole("button", { name: /Place bet/ }).waitFor();
    const targets = [
      ...(await form.locator("label:has(input[type=radio])").all()),
      ...(await form.getByRole("button").all()),
    ];
    // Two sides, four quick amounts (within the bet limits), the help and Place bet.
    expect(targets.length).toBeGreaterThanOrEqual(7);
    for (const target of targets) {
      const box = await target.boundingBox();
      const name = (await target.innerText()).replace(/\s+/g, " ");
      expect(box?.height ?? 0, `height of "${name}"`).toBeGreaterThanOrEqual(44);
      expect(box?.width ?? 0, `width of "${name}"`).toBeGreaterThanOrEqual(44);
    }
  }, 60_000);

  it("stays signed in when a reload cannot reach the server, and carries on once it can", async () => {
    const { page } = await signedIn("offline");
    await page.goto("/transactions");
    await expect.poll(() => balanceText(page)).toBe("1,000 credits");

    await page.route("**/api/v1/**", (route) => route.abort("internetdisconnected"));
    await page.reload();
    const header = page.locator("header").first();
    await expect.poll(() => header.getByTestId("balance").count(), { timeout: 10_000 }).toBe(1);
    await page
      .getByText(/Can't reach the server/)
      .first()
      .waitFor();
    expect(await header.getByRole("link", { name: "Log in" }).count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe("/transactions");
    await checkPage(page, "offline-reload-signed-in");

    // The server answers again: the first call refreshes the sign-in, the page fills in.
    await page.unroute("**/api/v1/**");
    await page.getByRole("button", { name: "Try again" }).first().click();
    await expect.poll(() => balanceText(page), { timeout: 25_000 }).toBe("1,000 credits");
    expect(await header.getByRole("link", { name: "Log in" }).count()).toBe(0);
  }, 60_000);

  it("shows on the boards the volume and PnL the user's profile shows", async () => {
    const { page, user, token } = await signedIn("boards");
    const won = await aListedMarket("Will the bridge open in spring?");
    const pending = await aListedMarket("Will the bridge close in autumn?");
    const { api } = suite.stack;
    for (const [marketId, side, amount] of [
      [won.marketId, "this", 100],
      [pending.marketId, "that", 37.5],
    ] as const) {
      const placed = await api("/bets", {
        method: "POST",
        token,
        body: { marketId, side, amount },
      });
      expect(placed.status).toBe(201);
    }
    // The 100 at 50% wins 200: +100 settled; the 37.50 is still open.
    await resolveAndSettle(won.marketId, "this");
    await suite.stack.drainDerived();
    await runRankingJob(suite.stack.core, "test");

    const boardRow = async (board: "volume" | "pnl") => {
      await page.goto(`/leaderboard?board=${board}`);
      const row = page.getByRole("row", { name: new RegExp(`${user.username} \\(you\\)`) }).first();
      await expect.poll(() => row.count()).toBe(1);
      return {
        volume: await row.locator('td[data-label="Volume"]').innerText(),
        pnl: await row.locator('td[data-label="Profit and loss"]').innerText(),
      };
    };
    const byVolume = await boardRow("volume");
    const byPnl = await boardRow("pnl");
    await checkPage(page, "leaderboard-pnl");
    expect(byVolume).toEqual({ volume: "137.5", pnl: "+100" });
    expect(byPnl).toEqual(byVolume);

    for (const profile of ["/profile", `/users/${(await api("/users/me", { token })).body.id}`]) {
      await page.goto(profile);
      await expect.poll(() => page.getByTestId("volume").innerText()).toBe(byVolume.volume);
      expect(await page.getByTestId("pnl").innerText()).toBe(byVolume.pnl);
    }
  }, 60_000);
});
