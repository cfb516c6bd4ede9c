import { chromium } from "playwright-core";
const origin = process.env.ORIGIN ?? "http://127.0.0.1:3799";
const shots = "/tmp/walkshots";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const errors: string[] = [];
page.on("pageerror", (e) => errors.push(String(e)));
page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
const shot = async (name: string) => { await page.waitForTimeout(600); await page.screenshot({ path: `${shots}/${name}.png`, fullPage: false }); };
await page.goto(origin); await shot("01-landing");
const id = Date.now().toString(36);
await page.goto(`${origin}/signup`);
await page.getByLabel("Email").fill(`walk-${id}@example.com`);
await page.getByLabel("Username").fill(`walk${id}`);
await page.getByLabel("Password", { exact: true }).fill("a long walk passphrase");
const repeat = page.getByLabel(/Repeat|Confirm/);
if (await repeat.count()) await repeat.first().fill("a long walk passphrase");
await page.getByRole("button", { name: /Sign up|Create account/ }).click();
await page.waitForTimeout(3000); await shot("02-after-signup");
await page.goto(`${origin}/markets`); await page.waitForTimeout(1500); await shot("03-markets");
const first = page.locator("a[href^='/markets/']").first();
await first.click(); await page.waitForTimeout(2500); await shot("04-market-detail");
for (const range of ["1W", "1M", "All"]) {
  const button = page.getByRole("button", { name: range, exact: true });
  if (await button.count()) await button.first().click();
}
await page.waitForTimeout(800); await shot("05-market-range-all");
const amount = page.getByLabel(/Amount/);
if (await amount.count()) {
  await amount.first().fill("25");
  const betButton = page.getByRole("button", { name: /^Bet / }).first();
  await betButton.click(); await page.waitForTimeout(2500); await shot("06-after-bet");
}
await page.goto(`${origin}/profile`); await page.waitForTimeout(2000); await shot("07-profile-portfolio");
await page.goto(`${origin}/notifications`); await page.waitForTimeout(1500); await shot("08-notifications");
await page.goto(`${origin}/credits`); await page.waitForTimeout(1500); await shot("09-get-credits");
await page.goto(`${origin}/leaderboard`); await page.waitForTimeout(1500); await shot("10-leaderboard");
await page.goto(`${origin}/transactions`); await page.waitForTimeout(1500); await shot("11-transactions");
// bad input: a bet above the balance
await page.setViewportSize({ width: 390, height: 844 });
await page.goto(`${origin}/markets`); await page.waitForTimeout(1500); await shot("12-mobile-markets");
await page.goto(`${origin}/notifications`); await page.waitForTimeout(1200); await shot("13-mobile-notifications");
console.log("errors:", JSON.stringify(errors.slice(0, 10)));
await browser.close();
