// The request mix: what a signed-in person does, weighted like a working day (browsing and searching
// most, dashboards often, a progress report or an upload now and then, a sign-in once per session).
// One LoadSession per connection builds each request from its plan and learns from each answer (its
// cookie after a sign-in, the version of its report), so that every request is one that succeeds.
import type { SessionPlan } from "./dataset.ts";

export const KINDS = [
  "sign-in",
  "me + unread",
  "org page",
  "org children",
  "member list",
  "member record",
  "org search",
  "member search",
  "document search",
  "task dashboard",
  "task roll-up",
  "member statistics",
  "progress report",
  "document upload",
] as const;
export type Kind = (typeof KINDS)[number];

/** Share of each kind in a hundred requests of a person allowed everything. */
export const WEIGHTS: Record<Kind, number> = {
  "sign-in": 1,
  "me + unread": 9,
  "org page": 12,
  "org children": 8,
  "member list": 10,
  "member record": 8,
  "org search": 8,
  "member search": 6,
  "document search": 8,
  "task dashboard": 8,
  "task roll-up": 4,
  "member statistics": 4,
  "progress report": 6,
  "document upload": 2,
};

export interface BuiltRequest {
  kind: Kind;
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: Buffer | string;
}

/** A report this session cycles through: submitted, returned by the same committee, submitted again. */
export interface ReportCycle {
  taskId: number;
  periodKey: string;
  reportId: number | null;
  version: number | null;
  status: "none" | "submitted" | "returned";
}

/** Deterministic pseudo-random numbers (mulberry32), one stream per session. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function allowed(plan: SessionPlan, kind: Kind, cycle: ReportCycle | null): boolean {
  switch (kind) {
    case "member list":
    case "member search":
    case "member statistics":
      return plan.permissions.members;
    case "member record":
      return plan.permissions.members && plan.memberIds.length > 0;
    case "progress report":
      return plan.permissions.reports && cycle !== null;
    case "document upload":
      return plan.permissions.uploads;
    default:
      return true;
  }
}

const UPLOAD_TEXT = (n: number, who: string) =>
  [
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    `Số ${n}-BC/ĐU`,
    "BÁO CÁO",
    "Kết quả thực hiện Nghị quyết số 21-NQ/TW của Ban Chấp hành Trung ương về tăng cường củng cố, xây dựng tổ chức cơ sở đảng",
    `Người lập: ${who}. Thực hiện Kế hoạch số 15-KH/TU, chi bộ đã tổ chức sinh hoạt định kỳ, kiểm tra đảng viên và`,
    "phát triển đảng viên mới theo đúng quy định. Các nhiệm vụ trọng tâm được triển khai đầy đủ, kịp thời.",
  ].join("\n");

function multipart(fileName: string, text: string): { body: Buffer; contentType: string } {
  const boundary = `----namroload${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/plain\r\n\r\n`,
    ),
    Buffer.from(text, "utf8"),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

export class LoadSession {
  readonly plan: SessionPlan;
  cookie = "";
  csrfToken = "";
  cycle: ReportCycle | null = null;
  /** The kind of the request sent and not answered yet (a run may stop before its answer). */
  inFlight: Kind | null = null;
  readonly #next: () => number;
  #kinds: Kind[] = [];
  #cumulative: number[] = [];
  #counter = 0;
  /** Alternates the two halves of a `me + unread` poll. */
  #pollUnread = false;

  #only: ReadonlySet<Kind> | null;

  /** `only`: a part of the mix (to find what costs), else all of it. */
  constructor(plan: SessionPlan, seed: number, only: ReadonlySet<Kind> | null = null) {
    this.plan = plan;
    this.#next = random(seed);
    this.#only = only;
    this.refreshKinds();
  }

  /** Narrows the mix to some kinds (null: all of it). */
  restrictTo(only: ReadonlySet<Kind> | null): void {
    this.#only = only;
    this.refreshKinds();
  }

  /** Kinds this person may do, with their weights; call again when the report cycle appears or ends. */
  refreshKinds(): void {
    this.#kinds = [];
    this.#cumulative = [];
    let total = 0;
    for (const kind of Object.keys(WEIGHTS) as Kind[]) {
      if (!allowed(this.plan, kind, this.cycle) || (this.#only && !this.#only.has(kind))) continue;
      total += WEIGHTS[kind];
      this.#kinds.push(kind);
      this.#cumulative.push(total);
    }
  }

  #pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.#next() * items.length)] as T;
  }

  #pickKind(): Kind {
    const total = this.#cumulative.at(-1) ?? 0;
    const x = this.#next() * total;
    const index = this.#cumulative.findIndex((edge) => x < edge);
    // A person allowed none of a partial mix (--kinds) keeps polling, as an open browser tab does.
    return this.#kinds[index] ?? "me + unread";
  }

  #get(kind: Kind, path: string): BuiltRequest {
    return { kind, method: "GET", path, headers: { cookie: this.cookie } };
  }

  #post(kind: Kind, path: string, json: unknown): BuiltRequest {
    return {
      kind,
      method: "POST",
      path,
      headers: {
        cookie: this.cookie,
        "x-csrf-token": this.csrfToken,
        "content-type": "application/json",
      },
      body: JSON.stringify(json),
    };
  }

  signInRequest(): BuiltRequest {
    return {
      kind: "sign-in",
      method: "POST",
      path: "/api/auth/sign-in",
      // The old cookie goes with it, as from a browser: the server ends that session.
      headers: { cookie: this.cookie, "content-type": "application/json" },
      body: JSON.stringify({ username: this.plan.username, password: this.plan.password }),
    };
  }

  next(): BuiltRequest {
    const kind = this.#pickKind();
    const p = this.plan;
    const q = encodeURIComponent;
    switch (kind) {
      case "sign-in":
        return this.signInRequest();
      case "me + unread":
        this.#pollUnread = !this.#pollUnread;
        return this.#get(kind, this.#pollUnread ? "/api/notifications/unread-count" : "/api/auth/me");
      case "org page":
        return this.#get(kind, `/api/organisations/${this.#pick(p.orgIds)}`);
      case "org children":
        return this.#get(kind, `/api/organisations/${this.#pick(p.orgIds)}/children`);
      case "member list":
        return this.#get(kind, `/api/members?orgId=${this.#pick(p.memberListOrgIds)}&pageSize=50`);
      case "member record":
        return this.#get(kind, `/api/members/${this.#pick(p.memberIds)}`);
      case "org search":
        return this.#get(kind, `/api/organisations/search?q=${q(this.#pick(p.orgQueries))}`);
      case "member search":
        return this.#get(kind, `/api/members?q=${q(this.#pick(p.memberQueries))}&pageSize=20`);
      case "document search":
        return this.#get(kind, `/api/documents?q=${q(this.#pick(p.documentQueries))}`);
      case "task dashboard":
        return this.#get(kind, "/api/task-dashboard");
      case "task roll-up":
        return this.#get(kind, `/api/task-rollup?orgId=${this.#pick(p.orgIds)}`);
      case "member statistics":
        return this.#get(kind, `/api/member-statistics?orgId=${this.#pick(p.memberListOrgIds)}`);
      case "progress report":
        return this.#reportRequest(this.cycle as ReportCycle);
      case "document upload": {
        this.#counter++;
        const { body, contentType } = multipart(
          `bao-cao-${this.#counter}.txt`,
          UPLOAD_TEXT(this.#counter, p.username),
        );
        return {
          kind,
          method: "POST",
          path: "/api/document-uploads",
          headers: { cookie: this.cookie, "x-csrf-token": this.csrfToken, "content-type": contentType },
          body,
        };
      }
    }
  }

  #reportRequest(cycle: ReportCycle): BuiltRequest {
    if (cycle.status === "submitted") {
      return this.#post("progress report", `/api/tasks/${cycle.taskId}/reports/${cycle.reportId}/return`, {
        version: cycle.version,
        reason: "Bổ sung số liệu minh chứng (load test)",
      });
    }
    return this.#post("progress report", `/api/tasks/${cycle.taskId}/reports`, {
      periodKey: cycle.periodKey,
      percent: Math.round(this.#next() * 90),
      narrative: "Đã triển khai tới các chi bộ; đang tổng hợp kết quả (load test)",
      ...(cycle.status === "returned" ? { version: cycle.version } : {}),
    });
  }

  /** Learns from a successful answer: a new session after a sign-in, the report's new version. */
  learn(
    request: BuiltRequest,
    status: number,
    body: string,
    headers: Record<string, string | string[]>,
  ): void {
    if (status >= 300) return;
    if (request.kind === "sign-in") {
      this.acceptSignIn(body, headers);
    } else if (request.kind === "progress report" && this.cycle) {
      const report = JSON.parse(body) as { id: number; version: number; status: "submitted" | "returned" };
      this.cycle.reportId = report.id;
      this.cycle.version = report.version;
      this.cycle.status = report.status;
    }
  }

  acceptSignIn(body: string, headers: Record<string, string | string[]>): void {
    const raw = headers["set-cookie"];
    const cookies = Array.isArray(raw) ? raw : raw ? [raw] : [];
    const session = cookies.map((c) => c.split(";")[0] ?? "").find((c) => c.startsWith("namro_session="));
    if (!session) throw new Error(`sign-in of ${this.plan.username} set no session cookie`);
    this.cookie = session;
    this.csrfToken = (JSON.parse(body) as { csrfToken: string }).csrfToken;
  }
}
