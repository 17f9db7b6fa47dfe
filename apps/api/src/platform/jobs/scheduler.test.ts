import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fixedClock } from "../clock.ts";
import { type JobLogger, Scheduler } from "./scheduler.ts";

function recordingLog(): JobLogger & { errors: string[] } {
  const errors: string[] = [];
  return { errors, info: () => {}, error: (message) => errors.push(message) };
}

/** A promise the test resolves by hand, to hold a run "under way". */
function gate(): { promise: Promise<void>; open(): void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

const clock = fixedClock("2026-06-15T01:00:00Z");

describe("Scheduler", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("runs each job after its first delay, then again its interval after the previous run ended", async () => {
    const runs: string[] = [];
    const scheduler = new Scheduler(
      [
        { name: "a", everyMs: 1000, firstAfterMs: 10, run: async () => runs.push("a") },
        { name: "b", everyMs: 5000, run: async () => runs.push("b") },
      ],
      { clock, log: recordingLog() },
    );
    scheduler.start();
    await vi.advanceTimersByTimeAsync(9);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toEqual(["a"]);
    await vi.advanceTimersByTimeAsync(3000);
    expect(runs).toEqual(["a", "a", "a", "a"]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(runs.filter((job) => job === "b")).toHaveLength(1);
    await scheduler.stop();
  });

  it("never overlaps a job with itself: a slow run delays the next, a manual run meanwhile is skipped", async () => {
    const held = gate();
    let started = 0;
    const scheduler = new Scheduler(
      [
        {
          name: "slow",
          everyMs: 100,
          run: async () => {
            started += 1;
            await held.promise;
          },
        },
      ],
      { clock, log: recordingLog() },
    );
    scheduler.start();
    await vi.advanceTimersByTimeAsync(100);
    expect(started).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(started).toBe(1);
    expect(await scheduler.runOnce("slow")).toEqual({ status: "skipped" });
    held.open();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(started).toBe(2);
    await scheduler.stop();
  });

  it("logs a failure without throwing and keeps the job planned", async () => {
    const log = recordingLog();
    let calls = 0;
    const scheduler = new Scheduler(
      [
        {
          name: "flaky",
          everyMs: 50,
          run: async () => {
            calls += 1;
            if (calls === 1) throw new Error("database went away");
            return calls;
          },
        },
      ],
      { clock, log },
    );
    const outcome = await scheduler.runOnce("flaky");
    expect(outcome.status).toBe("failed");
    expect(log.errors).toEqual(["job flaky failed"]);
    expect(await scheduler.runOnce("flaky")).toEqual({ status: "done", result: 2 });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(50);
    expect(calls).toBe(3);
    await scheduler.stop();
  });

  it("passes the given time, or the clock's, to a manual run", async () => {
    const seen: string[] = [];
    const scheduler = new Scheduler(
      [{ name: "t", everyMs: 1000, run: async (now) => seen.push(now.toISOString()) }],
      { clock, log: recordingLog() },
    );
    await scheduler.runOnce("t");
    await scheduler.runOnce("t", new Date("2026-07-01T00:00:00Z"));
    expect(seen).toEqual(["2026-06-15T01:00:00.000Z", "2026-07-01T00:00:00.000Z"]);
    expect(() => scheduler.runOnce("missing")).toThrow(/no job named "missing"/);
  });

  it("stop() waits for the run under way and plans nothing more", async () => {
    const held = gate();
    let finished = 0;
    let started = 0;
    const scheduler = new Scheduler(
      [
        {
          name: "j",
          everyMs: 10,
          run: async () => {
            started += 1;
            await held.promise;
            finished += 1;
          },
        },
      ],
      { clock, log: recordingLog() },
    );
    scheduler.start();
    await vi.advanceTimersByTimeAsync(10);
    const stopping = scheduler.stop();
    let stopped = false;
    void stopping.then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    held.open();
    await stopping;
    expect(finished).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(started).toBe(1);
    scheduler.start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(started).toBe(1);
  });

  it("refuses two jobs of one name and an interval that is not positive", () => {
    const run = async () => {};
    expect(
      () =>
        new Scheduler(
          [
            { name: "x", everyMs: 1, run },
            { name: "x", everyMs: 1, run },
          ],
          { clock, log: recordingLog() },
        ),
    ).toThrow(/defined twice/);
    expect(() => new Scheduler([{ name: "y", everyMs: 0, run }], { clock, log: recordingLog() })).toThrow(
      /positive interval/,
    );
  });
});
