import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { logger } from "../../logger";
import { createTestApp, jsonRequest } from "../../test-support/app";
import { bearer, randomIp, registerUser, type SignedInUser } from "../../test-support/users";

let setup: Awaited<ReturnType<typeof createTestApp>>;
let alice: SignedInUser;

beforeAll(async () => {
  setup = await createTestApp({ env: { EVENTS_PER_MINUTE: "3" } });
  alice = await registerUser(setup.app);
});

afterEach(() => {
  vi.restoreAllMocks();
});

const click = { name: "predict_button_click", uiSurface: "market_list", marketId: "pm_42" };

const send = (body: unknown, headers: Record<string, string> = {}) =>
  setup.app.request(
    "/api/v1/events",
    jsonRequest("POST", body, { "x-forwarded-for": randomIp(), ...headers }),
  );

describe("POST /events", () => {
  it("records an anonymous click as a structured log line and answers 204", async () => {
    const info = vi.spyOn(logger, "info");

    const response = await send(click);

    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    expect(info).toHaveBeenCalledWith("ui event", { ...click, userId: undefined });
  });

  it("names the signed-in user in the log line", async () => {
    const info = vi.spyOn(logger, "info");

    const response = await send(
      { ...click, uiSurface: "market_detail" },
      bearer(alice.accessToken),
    );

    expect(response.status).toBe(204);
    expect(info).toHaveBeenCalledWith("ui event", {
      ...click,
      uiSurface: "market_detail",
      userId: alice.user.id,
    });
  });

  it("refuses an invalid token with 401 instead of counting the click as anonymous", async () => {
    const response = await send(click, bearer("not-a-token"));

    expect(response.status).toBe(401);
  });

  it.each([
    ["another event name", { ...click, name: "page_view" }, "name"],
    ["an unknown surface", { ...click, uiSurface: "footer" }, "uiSurface"],
    ["no market", { name: click.name, uiSurface: click.uiSurface }, "marketId"],
    ["an empty market id", { ...click, marketId: "" }, "marketId"],
  ])("refuses %s with 400 naming the field, and logs nothing", async (_label, body, field) => {
    const info = vi.spyOn(logger, "info");

    const response = await send(body);

    expect(response.status).toBe(400);
    const error = (await response.json()) as { code: string; details: { fields: object } };
    expect(error.code).toBe("VALIDATION_ERROR");
    expect(Object.keys(error.details.fields)).toEqual([`body.${field}`]);
    expect(info).not.toHaveBeenCalledWith("ui event", expect.anything());
  });

  it("refuses a field the contract does not have with 400", async () => {
    const response = await send({ ...click, extra: true });

    expect(response.status).toBe(400);
  });

  it("limits each IP and each user to EVENTS_PER_MINUTE, with Retry-After", async () => {
    const ip = { "x-forwarded-for": randomIp() };
    const bob = await registerUser(setup.app);

    const fromIp = [];
    for (let index = 0; index < 4; index += 1) fromIp.push(await send(click, ip));
    const otherIp = await send(click);
    const fromBob = [];
    // Bob's token counts against Bob, not against the (shared) IP.
    for (let index = 0; index < 4; index += 1) {
      fromBob.push(await send(click, { ...ip, ...bearer(bob.accessToken) }));
    }

    expect(fromIp.map((response) => response.status)).toEqual([204, 204, 204, 429]);
    expect(fromIp[3]?.headers.get("retry-after")).toBeTruthy();
    expect(await fromIp[3]?.json()).toMatchObject({ code: "RATE_LIMIT_EXCEEDED" });
    expect(otherIp.status).toBe(204);
    expect(fromBob.map((response) => response.status)).toEqual([204, 204, 204, 429]);
  });
});
