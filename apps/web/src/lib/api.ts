// Typed calls to the API, described once in @namro/contracts. Inputs are typed from the contract's
// schemas (what the server accepts), the result from its response schema. The server validates; the
// client does not re-parse responses (keeps the bundle and the phone's CPU light).
import type { RouteContract } from "@namro/contracts";
import type { z } from "zod";

export interface ApiIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly issues: ApiIssue[];
  constructor(status: number, code: string, message: string, issues: ApiIssue[] = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

type InputOf<S> = S extends z.ZodType ? z.input<S> : never;

type ParamsPart<C> = C extends { params: z.ZodType }
  ? { params: InputOf<C["params"]> }
  : { params?: undefined };
type QueryPart<C> = C extends { querystring: z.ZodType }
  ? object extends InputOf<C["querystring"]>
    ? { query?: InputOf<C["querystring"]> }
    : { query: InputOf<C["querystring"]> }
  : { query?: undefined };
type BodyPart<C> = C extends { body: z.ZodType } ? { body: InputOf<C["body"]> } : { body?: undefined };

export type CallInput<C extends RouteContract> = ParamsPart<C> & QueryPart<C> & BodyPart<C>;
export type CallResult<C extends RouteContract> = z.infer<C["response"]>;

type CallArgs<C extends RouteContract> =
  object extends CallInput<C> ? [input?: CallInput<C>] : [input: CallInput<C>];

// The session's CSRF token, from the `me` or sign-in response. Memory only: never in storage.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export interface AuthFailureHandlers {
  /** 401 AUTH_REQUIRED: the session is gone. */
  onAuthRequired(): void;
  /** 403 AUTH_PASSWORD_CHANGE_REQUIRED: the user must change a temporary password first. */
  onPasswordChangeRequired(): void;
}
let handlers: AuthFailureHandlers | null = null;
export function setAuthFailureHandlers(next: AuthFailureHandlers): void {
  handlers = next;
}

export function buildPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}

export function buildQuery(query: Record<string, unknown> | undefined): string {
  if (!query) return "";
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    // The server coerces booleans with Boolean(string), so "false" would read as true: leave it out.
    if (value === undefined || value === null || value === "" || value === false) continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export async function apiCall<C extends RouteContract>(
  contract: C,
  ...args: CallArgs<C>
): Promise<CallResult<C>> {
  const input = (args[0] ?? {}) as {
    params?: Record<string, unknown>;
    query?: Record<string, unknown>;
    body?: unknown;
  };
  const url = buildPath(contract.path, input.params) + buildQuery(input.query);
  const headers: Record<string, string> = { accept: "application/json" };
  if (contract.method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  const init: RequestInit = { method: contract.method, credentials: "same-origin", headers };
  if (input.body !== undefined) {
    headers["content-type"] = "application/json";
    init.body = JSON.stringify(input.body);
  }
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new ApiError(0, "NETWORK_ERROR", "");
  }
  if (response.ok) {
    if (response.status === 204) return undefined as CallResult<C>;
    return (await response.json()) as CallResult<C>;
  }
  const error = await readError(response);
  // The sign-in form shows its own errors; the shell redirects when its own "who am I" call fails.
  const handledByCaller = contract.path === "/api/auth/sign-in" || contract.path === "/api/auth/me";
  if (error.code === "AUTH_REQUIRED" && !handledByCaller) handlers?.onAuthRequired();
  if (error.code === "AUTH_PASSWORD_CHANGE_REQUIRED") handlers?.onPasswordChangeRequired();
  throw error;
}

async function readError(response: Response): Promise<ApiError> {
  try {
    const payload = (await response.json()) as {
      error?: { code?: string; message?: string; issues?: ApiIssue[] };
    };
    const error = payload.error;
    if (error?.code)
      return new ApiError(response.status, error.code, error.message ?? "", error.issues ?? []);
  } catch {
    // Not JSON (a proxy's error page): fall through to a generic error.
  }
  return new ApiError(response.status, response.status >= 500 ? "INTERNAL_ERROR" : "UNKNOWN_ERROR", "");
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
