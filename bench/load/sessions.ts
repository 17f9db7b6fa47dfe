// Before the measured run: every person signs in once (as they would when opening the app), and each
// committee staff member finds one report period of their own tasks to cycle through (submitted,
// returned, submitted again) — read from the same overview the web app shows.
import type { SessionPlan } from "./dataset.ts";
import { type Kind, LoadSession, type ReportCycle } from "./mix.ts";

interface Overview {
  canReport: boolean;
  canReview: boolean;
  periods: {
    key: string;
    report: { id: number; version: number; status: "submitted" | "returned" | "accepted" } | null;
  }[];
}

async function signIn(baseUrl: string, session: LoadSession): Promise<void> {
  const request = session.signInRequest();
  const response = await fetch(`${baseUrl}${request.path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: request.body as string,
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`sign-in of ${session.plan.username}: ${response.status} ${body}`);
  session.acceptSignIn(body, { "set-cookie": response.headers.getSetCookie() });
}

async function findReportCycle(baseUrl: string, session: LoadSession): Promise<ReportCycle | null> {
  for (const taskId of session.plan.reportTaskIds) {
    const response = await fetch(`${baseUrl}/api/tasks/${taskId}/reports`, {
      headers: { cookie: session.cookie },
    });
    if (!response.ok)
      throw new Error(`reports of task ${taskId}: ${response.status} ${await response.text()}`);
    const overview = (await response.json()) as Overview;
    if (!overview.canReport || !overview.canReview) continue;
    const period = overview.periods.find((p) => p.report === null || p.report.status !== "accepted");
    if (!period) continue;
    const report = period.report;
    return {
      taskId,
      periodKey: period.key,
      reportId: report?.id ?? null,
      version: report?.version ?? null,
      status: report === null ? "none" : (report.status as "submitted" | "returned"),
    };
  }
  return null;
}

/**
 * After a run: a request still in flight when it stopped was answered to nobody, so its session does
 * not know its new cookie (a sign-in) or its report's state. Those sign in again or read the report.
 */
export async function resyncSessions(baseUrl: string, sessions: LoadSession[]): Promise<void> {
  // Let the server finish what it was answering.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  for (const session of sessions) {
    const kind = session.inFlight;
    session.inFlight = null;
    if (kind === "sign-in") await signIn(baseUrl, session);
    if (kind !== null && session.cycle !== null) {
      session.cycle = await findReportCycle(baseUrl, session);
      session.refreshKinds();
    }
  }
}

/** Signs everyone in, a few at a time (argon2 is costly on purpose), and sets up the report cycles. */
export async function openSessions(
  baseUrl: string,
  plans: SessionPlan[],
  only: ReadonlySet<Kind> | null,
): Promise<LoadSession[]> {
  const sessions = plans.map((plan, i) => new LoadSession(plan, 0x5eed + i, only));
  let next = 0;
  const worker = async () => {
    while (next < sessions.length) {
      const session = sessions[next++] as LoadSession;
      await signIn(baseUrl, session);
      if (session.plan.permissions.reports) {
        session.cycle = await findReportCycle(baseUrl, session);
        session.refreshKinds();
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return sessions;
}
