// Drives the mix with autocannon: one connection per session (its own cookie and CSRF token), one
// request in flight per connection, for a fixed time. autocannon counts throughput, errors and
// timeouts; each session also times its own requests by kind (the time from building a request to its
// answer, on a connection that has nothing else in flight).
import autocannon from "autocannon";
import type { BuiltRequest, Kind, LoadSession } from "./mix.ts";

export interface KindResult {
  latencies: number[];
  non2xx: Map<number, number>;
  /** Requests sent that never got an answer (timed out or the connection failed). */
  unanswered: number;
  /** One example body of a failed answer, to say what went wrong. */
  example: string | null;
}

export interface RunResult {
  durationSeconds: number;
  byKind: Map<Kind, KindResult>;
  autocannon: { requests: number; errors: number; timeouts: number; non2xx: number };
}

interface Client {
  setRequests(requests: unknown[]): void;
}

export async function runMix(
  url: string,
  sessions: LoadSession[],
  durationSeconds: number,
  timeoutSeconds: number,
): Promise<RunResult> {
  const byKind = new Map<Kind, KindResult>();
  const resultOf = (kind: Kind): KindResult => {
    let result = byKind.get(kind);
    if (!result) {
      result = { latencies: [], non2xx: new Map(), unanswered: 0, example: null };
      byKind.set(kind, result);
    }
    return result;
  };
  let assigned = 0;
  const setupClient = (client: Client) => {
    const session = sessions[assigned++ % sessions.length] as LoadSession;
    let pending: { request: BuiltRequest; started: number } | null = null;
    client.setRequests([
      {
        setupRequest: (request: Record<string, unknown>) => {
          // A request built while another is unanswered: that one timed out or lost its connection.
          if (pending) resultOf(pending.request.kind).unanswered++;
          const built = session.next();
          pending = { request: built, started: performance.now() };
          session.inFlight = built.kind;
          request.method = built.method;
          request.path = built.path;
          request.headers = built.headers;
          request.body = built.body;
          return request;
        },
        onResponse: (
          status: number,
          body: string,
          _context: unknown,
          headers: Record<string, string | string[]>,
        ) => {
          if (!pending) return;
          const { request, started } = pending;
          pending = null;
          session.inFlight = null;
          const result = resultOf(request.kind);
          result.latencies.push(performance.now() - started);
          if (status < 200 || status >= 300) {
            result.non2xx.set(status, (result.non2xx.get(status) ?? 0) + 1);
            result.example ??= `${request.method} ${request.path} → ${status} ${body.slice(0, 300)}`;
            return;
          }
          session.learn(request, status, body, headers);
        },
      },
    ]);
  };
  const started = performance.now();
  const instance = autocannon({
    url,
    connections: sessions.length,
    pipelining: 1,
    duration: durationSeconds,
    timeout: timeoutSeconds,
    // A placeholder replaced per connection by setupClient.
    requests: [{ method: "GET", path: "/api/health" }],
    setupClient,
  });
  const result = await instance;
  const elapsed = (performance.now() - started) / 1000;
  return {
    durationSeconds: Math.min(elapsed, result.duration ?? elapsed),
    byKind,
    autocannon: {
      requests: result.requests.total,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
    },
  };
}
