import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { HashGate, PasswordHashingBusy } from "./hash-gate";

describe("HashGate: the one bound on concurrent password hashes", () => {
  it("never runs more than `concurrency` tasks at once, and runs every waiting one in turn", async () => {
    const gate = new HashGate(2, 5_000);
    let running = 0;
    let peak = 0;
    const task = async () => {
      running++;
      peak = Math.max(peak, running);
      await sleep(10);
      running--;
      return "done";
    };

    const results = await Promise.all(Array.from({ length: 7 }, () => gate.run(task)));

    expect(results).toEqual(Array(7).fill("done"));
    expect(peak).toBe(2);
  });

  it("fails a task that waited past maxWaitMs with AUTH_BUSY and a Retry-After, and never runs it", async () => {
    const gate = new HashGate(1, 20);
    let ran = 0;
    const slow = gate.run(() => sleep(200).then(() => ran++));

    const waited = gate.run(async () => ran++);

    await expect(waited).rejects.toBeInstanceOf(PasswordHashingBusy);
    await expect(waited).rejects.toMatchObject({ code: "AUTH_BUSY", retryAfterSeconds: 1 });
    await slow;
    expect(ran).toBe(1);
  });

  it("turns a task away at once with AUTH_BUSY when the queue is full, and runs the queued ones", async () => {
    const gate = new HashGate(1, 60_000, 2);
    let ran = 0;
    const task = () => sleep(50).then(() => ran++);
    const admitted = [gate.run(task), gate.run(task), gate.run(task)];

    const started = performance.now();
    const turnedAway = gate.run(task);

    await expect(turnedAway).rejects.toMatchObject({ code: "AUTH_BUSY", retryAfterSeconds: 60 });
    // Refused on arrival, not after the minute's wait.
    expect(performance.now() - started).toBeLessThan(1_000);
    await Promise.all(admitted);
    expect(ran).toBe(3);
  });

  it("lets one client hold only its share of the queue, leaving room for others", async () => {
    const gate = new HashGate(1, 60_000, 8, 1);
    const task = () => sleep(30).then(() => "ok");
    const running = gate.run(task, "ip:attacker");
    const queued = gate.run(task, "ip:attacker");

    await expect(gate.run(task, "ip:attacker")).rejects.toMatchObject({ code: "AUTH_BUSY" });
    expect(await gate.run(task, "ip:victim")).toBe("ok");
    await Promise.all([running, queued]);
    // Once its waiting task ran, the client may queue again.
    expect(
      await Promise.all([gate.run(task, "ip:attacker"), gate.run(task, "ip:attacker")]),
    ).toEqual(["ok", "ok"]);
  });

  it("frees the slot when a task throws", async () => {
    const gate = new HashGate(1, 1_000);
    await expect(gate.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");

    expect(await gate.run(async () => "next")).toBe("next");
  });
});
