import {
  type MarketContext,
  type PredictionModel,
  type PredictOptions,
  TransientModelError,
} from "./types";

/** `fail`: every attempt; `flaky`: the first `failures` attempts; `hang`: never answers. */
export type ModelFault = { kind: "fail" } | { kind: "flaky"; failures: number } | { kind: "hang" };

export interface ModelFaultRule {
  /** A model id, or `*` for every model. */
  model: string;
  fault: ModelFault;
}

/** The parsed `MODEL_FAULTS`: empty when unset, so nothing is injected. */
export type ModelFaultRules = readonly ModelFaultRule[];

/** A `MODEL_FAULTS` value that cannot be read; the message says which part and why. */
export class InvalidModelFaults extends Error {
  override name = "InvalidModelFaults";
}

const modelPattern = /^(\*|[a-z0-9][a-z0-9._-]*)$/i;

/**
 * Reads `MODEL_FAULTS`, e.g. `consensus:fail,momentum:flaky:2,base-rate:hang` or
 * `*:flaky:1`. Unset or blank: no rules, so nothing is ever injected.
 */
export function parseModelFaults(spec: string | undefined): ModelFaultRule[] {
  if (spec === undefined || spec.trim() === "") return [];
  const rules: ModelFaultRule[] = [];
  for (const raw of spec.split(",")) {
    const entry = raw.trim();
    if (entry === "") continue;
    const [model = "", kind, count, ...rest] = entry.split(":").map((part) => part.trim());
    const problem = (why: string) =>
      new InvalidModelFaults(
        `MODEL_FAULTS: "${entry}" ${why}; expected <model|*>:fail, <model|*>:flaky:<N> or <model|*>:hang`,
      );
    if (!modelPattern.test(model)) throw problem("does not start with a model id or *");
    if (rules.some((rule) => rule.model === model)) throw problem("repeats a model already given");
    if (rest.length > 0) throw problem("has too many parts");
    if (kind === "fail" || kind === "hang") {
      if (count !== undefined) throw problem(`takes no count after ${kind}`);
      rules.push({ model, fault: { kind } });
    } else if (kind === "flaky") {
      if (count === undefined || !/^[1-9]\d{0,5}$/.test(count)) {
        throw problem("needs a positive whole number of failures after flaky");
      }
      rules.push({ model, fault: { kind: "flaky", failures: Number(count) } });
    } else {
      throw problem(`has an unknown fault "${kind ?? ""}"`);
    }
  }
  return rules;
}

/** The rule for a model: its own rule wins over `*`. */
export function faultFor(
  modelId: string,
  rules: readonly ModelFaultRule[],
): ModelFault | undefined {
  return (rules.find((rule) => rule.model === modelId) ?? rules.find((rule) => rule.model === "*"))
    ?.fault;
}

export interface FaultOptions {
  /**
   * A hanging model gives up after this long, like a remote call reaching its own
   * timeout. Unset: it waits for the caller's signal alone.
   */
  hangTimeoutMs?: number | undefined;
}

/**
 * Wraps a model so it misbehaves as a rule says, for tests and demos. Attempts
 * are counted by the caller (`options.attempt`, 1-based, from a persistent
 * counter) because a retry may run in another process; without one, every call
 * counts as the first. A model no rule names is returned untouched.
 */
export function withFaults(
  model: PredictionModel,
  rules: readonly ModelFaultRule[],
  options: FaultOptions = {},
): PredictionModel {
  const fault = faultFor(model.id, rules);
  if (!fault) return model;
  return {
    ...model,
    predict(context: MarketContext, predictOptions: PredictOptions = {}) {
      const attempt = predictOptions.attempt ?? 1;
      if (fault.kind === "fail" || (fault.kind === "flaky" && attempt <= fault.failures)) {
        const detail =
          fault.kind === "flaky" ? ` (attempt ${attempt} of ${fault.failures} failing)` : "";
        return Promise.reject(new TransientModelError(`${model.id}: injected fault${detail}`));
      }
      if (fault.kind === "hang")
        return hang(model.id, predictOptions.signal, options.hangTimeoutMs);
      return model.predict(context, predictOptions);
    },
  };
}

/** Never settles on its own: only the signal or the optional timeout end it. */
function hang(
  modelId: string,
  signal: AbortSignal | undefined,
  timeoutMs: number | undefined,
): Promise<never> {
  return new Promise<never>((_resolve, reject) => {
    const timedOut = () => {
      signal?.removeEventListener("abort", aborted);
      reject(
        new TransientModelError(`${modelId}: injected hang, no answer within ${timeoutMs} ms`),
      );
    };
    const timer = timeoutMs === undefined ? undefined : setTimeout(timedOut, timeoutMs);
    function aborted() {
      if (timer !== undefined) clearTimeout(timer);
      reject(new TransientModelError(`${modelId}: injected hang, ended by the caller's signal`));
    }
    if (signal?.aborted) return aborted();
    signal?.addEventListener("abort", aborted, { once: true });
  });
}
