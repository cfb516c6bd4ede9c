import { setTimeout as delay } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { InvalidModelFaults, parseModelFaults, withFaults } from "./faults";
import type { MarketContext, Prediction, PredictionModel } from "./types";

const context = {} as MarketContext;
const answer: Prediction = {
  probability: 0.6,
  outcome: "this",
  confidence: 0.5,
  reasoning: "Fixed answer.",
  keyFactors: ["fixed"],
};

/** A model that always answers, counting its calls. */
function fakeModel(id: string) {
  const model: PredictionModel & { calls: number } = {
    id,
    name: id,
    provider: "local",
    creditCost: 1,
    available: true,
    description: "test double",
    calls: 0,
    async predict() {
      model.calls += 1;
      return answer;
    },
  };
  return model;
}

const pending = Symbol("pending");

/** The promise's outcome if it settles within a short while, else `pending`. */
function settledSoon(promise: Promise<unknown>) {
  return Promise.race([
    promise.then(
      () => "resolved",
      (error: unknown) => error,
    ),
    delay(50, pending),
  ]);
}

describe("parseModelFaults", () => {
  it("reads every kind of fault, per model or for all with *", () => {
    expect(parseModelFaults(" consensus:fail, momentum:flaky:2 ,base-rate:hang,*:flaky:1")).toEqual(
      [
        { model: "consensus", fault: { kind: "fail" } },
        { model: "momentum", fault: { kind: "flaky", failures: 2 } },
        { model: "base-rate", fault: { kind: "hang" } },
        { model: "*", fault: { kind: "flaky", failures: 1 } },
      ],
    );
  });

  it.each([undefined, "", "   "])("injects nothing when unset (%j)", (spec) => {
    expect(parseModelFaults(spec)).toEqual([]);
  });

  it.each([
    ["consensus", "unknown fault"],
    ["consensus:explode", "unknown fault"],
    ["consensus:flaky", "positive whole number"],
    ["consensus:flaky:0", "positive whole number"],
    ["consensus:flaky:two", "positive whole number"],
    ["consensus:fail:2", "takes no count"],
    ["consensus:flaky:2:3", "too many parts"],
    ["consensus:fail,consensus:hang", "repeats a model"],
    [":fail", "model id or *"],
    ["bad id!:fail", "model id or *"],
  ])("rejects %j clearly", (spec, why) => {
    expect(() => parseModelFaults(spec)).toThrow(InvalidModelFaults);
    expect(() => parseModelFaults(spec)).toThrow(why);
  });
});

describe("withFaults", () => {
  it("returns a model no rule names untouched", () => {
    const model = fakeModel("consensus");
    expect(withFaults(model, parseModelFaults("momentum:fail"))).toBe(model);
    expect(withFaults(model, [])).toBe(model);
  });

  it("fails every attempt with a transient error under fail, without running the model", async () => {
    const model = fakeModel("consensus");
    const faulty = withFaults(model, parseModelFaults("consensus:fail"));
    for (const attempt of [1, 2, 3, 10]) {
      const error = await faulty.predict(context, { attempt }).catch((caught: unknown) => caught);
      expect((error as Error).name).toBe("TransientModelError");
      expect((error as Error).message).toContain("injected fault");
    }
    expect(model.calls).toBe(0);
    expect(faulty).toMatchObject({ id: "consensus", provider: "local", available: true });
  });

  it("fails the first N attempts under flaky:N, then runs the model", async () => {
    const model = fakeModel("momentum");
    const faulty = withFaults(model, parseModelFaults("momentum:flaky:2"));
    await expect(faulty.predict(context, { attempt: 1 })).rejects.toThrow("injected fault");
    await expect(faulty.predict(context, { attempt: 2 })).rejects.toThrow("injected fault");
    await expect(faulty.predict(context, { attempt: 3 })).resolves.toEqual(answer);
    expect(model.calls).toBe(1);
  });

  it("counts a call without an attempt number as the first attempt", async () => {
    const faulty = withFaults(fakeModel("momentum"), parseModelFaults("momentum:flaky:1"));
    await expect(faulty.predict(context, {})).rejects.toThrow("injected fault");
    await expect(faulty.predict(context, {})).rejects.toThrow("injected fault");
  });

  it("applies * to every model, while a model's own rule wins", async () => {
    const rules = parseModelFaults("*:fail,consensus:flaky:1");
    await expect(
      withFaults(fakeModel("base-rate"), rules).predict(context, { attempt: 5 }),
    ).rejects.toThrow("injected fault");
    await expect(
      withFaults(fakeModel("consensus"), rules).predict(context, { attempt: 2 }),
    ).resolves.toEqual(answer);
  });

  it("hangs under hang until the signal aborts, then fails as transient", async () => {
    const model = fakeModel("base-rate");
    const controller = new AbortController();
    const call = withFaults(model, parseModelFaults("base-rate:hang")).predict(context, {
      signal: controller.signal,
    });
    expect(await settledSoon(call)).toBe(pending);
    controller.abort();
    const error = await call.catch((caught: unknown) => caught);
    expect((error as Error).name).toBe("TransientModelError");
    expect(model.calls).toBe(0);
  });

  it("fails a hang at once when the signal has already aborted", async () => {
    const faulty = withFaults(fakeModel("base-rate"), parseModelFaults("*:hang"));
    await expect(faulty.predict(context, { signal: AbortSignal.abort() })).rejects.toThrow(
      "injected hang",
    );
  });

  it("ends a hang at its own timeout when given one", async () => {
    const faulty = withFaults(fakeModel("base-rate"), parseModelFaults("base-rate:hang"), {
      hangTimeoutMs: 30,
    });
    const error = await faulty.predict(context, {}).catch((caught: unknown) => caught);
    expect((error as Error).name).toBe("TransientModelError");
    expect((error as Error).message).toContain("30 ms");
  });
});
