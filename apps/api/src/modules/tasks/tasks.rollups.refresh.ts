// The background job that keeps the precomputed roll-ups current (migration 0017): shortly after
// midnight (Vietnam time) it rebuilds every row for the new day, so the first reader of the day finds
// them fresh instead of paying the rebuild (about a minute nationally) inside an HTTP request; between
// days it recomputes the organisations marked stale. When the rows are current it only reads two
// tiny tables. Readers still refresh on their own if the job has not run (tasks.rollups.service.ts).
import { todayInVietnam } from "@namro/domain";
import type { ServiceDeps } from "../../platform/service-deps.ts";
import { trendMonths } from "./tasks.rollups.service.ts";
import { refreshSummary, type SummaryRefresh } from "./tasks.rollups.summary.repository.ts";

export class TaskRollupsRefresher {
  readonly #deps: ServiceDeps;

  constructor(deps: ServiceDeps) {
    this.#deps = deps;
  }

  /** Brings the precomputed rows to the day of `now`. */
  async run(now: Date = this.#deps.clock.now()): Promise<SummaryRefresh & { asOf: string }> {
    const today = todayInVietnam(now);
    const done = await this.#deps.db
      .transaction()
      .execute((trx) => refreshSummary(trx, today, trendMonths(today)));
    return { asOf: today, ...done };
  }
}
