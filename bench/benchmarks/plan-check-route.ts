// The plan checker as the web page calls it: the generated 50-page draft plan (the plan-check
// benchmark's) posted to POST /api/plan-checks in process (app.inject) with the administrator's root as
// the committee, so the clear-set is read and every distinct unit name is looked up among the
// organisations. Baseline: checkPlan alone on the same text, measured in the same run. Target: ≤ 1 s.
import { checkPlan } from "@namro/domain";
import type { Dataset } from "../datasets.ts";
import { type Measurement, time } from "../stats.ts";
import type { AppFixture } from "./app-fixture.ts";
import { generatePlan } from "./plan-check.ts";

const PAGES = 50;
const PAGE_CHARS = 3_000;
const RUNS = 7;
const TARGET_MS = 1_000;

export async function planCheckRoute(dataset: Dataset, fixture: AppFixture): Promise<Measurement[]> {
  const text = generatePlan(PAGES);
  const pages = text.length / PAGE_CHARS;
  const headers = { cookie: fixture.admin.cookie, "x-csrf-token": fixture.admin.csrfToken };
  let tasks = 0;
  let bytes = 0;
  const route = await time(
    async () => {
      const response = await fixture.app.inject({
        method: "POST",
        url: "/api/plan-checks",
        payload: { text, orgId: fixture.admin.scopeOrgId },
        headers,
      });
      if (response.statusCode !== 200)
        throw new Error(`plan check: ${response.statusCode} ${response.body.slice(0, 200)}`);
      bytes = response.rawPayload.length;
      tasks = (response.json() as { tasks: unknown[] }).tasks.length;
    },
    RUNS,
    1,
  );
  const bare = await time(async () => checkPlan(text), RUNS, 1);
  const pagesPerSecond = pages / (route.median / 1000);
  console.error(
    `  ${pages.toFixed(1)} pages, ${tasks} tasks, response ${(bytes / 1024).toFixed(0)} KB, ${pagesPerSecond.toFixed(0)} pages/s`,
  );
  return [
    {
      name: `plan check over HTTP (${pages.toFixed(0)}-page plan, ${tasks} tasks, units matched; ${pagesPerSecond.toFixed(0)} pages/s)`,
      database: dataset.label,
      samples: RUNS,
      medianMs: route.median,
      p95Ms: route.p95,
      baselineName: "checkPlan alone",
      baselineMedianMs: bare.median,
      target: `≤ ${TARGET_MS} ms`,
      met: route.p95 <= TARGET_MS,
    },
  ];
}
