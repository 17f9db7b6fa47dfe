// Background jobs of one app process: each named job runs, waits its interval, runs again. A job never
// overlaps itself (the next run is planned only when the previous one has finished, and a manual run
// while one is under way is skipped); a failure is logged, never thrown into the process; stop() waits
// for the runs under way. What a job does must be safe to run in two processes at once (see ADR 0007:
// each job makes its own work idempotent through unique keys in the database).
import type { Clock } from "../clock.ts";

export interface JobDefinition {
  name: string;
  /** Pause between the end of one run and the start of the next. */
  everyMs: number;
  /** Pause between start() and the first run (default: everyMs), so the server answers first. */
  firstAfterMs?: number;
  run(now: Date): Promise<unknown>;
}

export interface JobLogger {
  info(message: string): void;
  error(message: string, error: unknown): void;
}

export type JobOutcome =
  | { status: "done"; result: unknown }
  | { status: "skipped" }
  | { status: "failed"; error: unknown };

interface JobState {
  definition: JobDefinition;
  running: Promise<JobOutcome> | null;
  timer: ReturnType<typeof setTimeout> | null;
}

export class Scheduler {
  readonly #jobs = new Map<string, JobState>();
  readonly #clock: Clock;
  readonly #log: JobLogger;
  #started = false;
  #stopped = false;

  constructor(jobs: readonly JobDefinition[], options: { clock: Clock; log: JobLogger }) {
    for (const definition of jobs) {
      if (this.#jobs.has(definition.name)) throw new Error(`job "${definition.name}" is defined twice`);
      if (!(definition.everyMs > 0)) throw new Error(`job "${definition.name}" needs a positive interval`);
      this.#jobs.set(definition.name, { definition, running: null, timer: null });
    }
    this.#clock = options.clock;
    this.#log = options.log;
  }

  get names(): string[] {
    return [...this.#jobs.keys()];
  }

  /** Plans every job's first run. */
  start(): void {
    if (this.#started || this.#stopped) return;
    this.#started = true;
    for (const state of this.#jobs.values()) {
      this.#plan(state, state.definition.firstAfterMs ?? state.definition.everyMs);
    }
  }

  /** No new runs; resolves when the runs under way have finished. */
  async stop(): Promise<void> {
    this.#stopped = true;
    const running: Promise<JobOutcome>[] = [];
    for (const state of this.#jobs.values()) {
      if (state.timer !== null) clearTimeout(state.timer);
      state.timer = null;
      if (state.running) running.push(state.running);
    }
    await Promise.all(running);
  }

  /**
   * Runs the job now (tests, the CLI), at `now` (default: the clock). Skipped while a run of the same
   * job is under way; a failure is logged and returned, not thrown.
   */
  runOnce(name: string, now?: Date): Promise<JobOutcome> {
    const state = this.#jobs.get(name);
    if (!state) throw new Error(`no job named "${name}"`);
    return this.#run(state, now ?? this.#clock.now());
  }

  #run(state: JobState, now: Date): Promise<JobOutcome> {
    if (state.running) return Promise.resolve({ status: "skipped" });
    const run = (async (): Promise<JobOutcome> => {
      try {
        return { status: "done", result: await state.definition.run(now) };
      } catch (error) {
        this.#log.error(`job ${state.definition.name} failed`, error);
        return { status: "failed", error };
      } finally {
        state.running = null;
      }
    })();
    state.running = run;
    return run;
  }

  #plan(state: JobState, delayMs: number): void {
    if (this.#stopped) return;
    state.timer = setTimeout(() => {
      state.timer = null;
      void this.#run(state, this.#clock.now()).then(() => this.#plan(state, state.definition.everyMs));
    }, delayMs);
    // A pending job never keeps the process alive on its own.
    state.timer.unref?.();
  }
}
