// Configuration comes from the environment only; defaults give the embedded evaluation setup.
import { resolve } from "node:path";

export interface AppConfig {
  port: number;
  host: string;
  /** PostgreSQL server URL; null means the embedded database in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  /** Mark cookies Secure and trust X-Forwarded-* (set when served behind TLS). */
  behindTls: boolean;
  statementTimeoutMs: number;
  sessionTtlHours: number;
  /** Sign-ins accepted per minute from one client address (an office behind one NAT shares it). */
  signInRateLimitPerMinute: number;
  logLevel: string;
  /** Folder with the built web app; served at / when present. */
  webDistDir: string;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number.parseInt(raw, 10);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

const repositoryRoot = resolve(import.meta.dirname, "../../..");

/** Sign-ins per minute from one client address, on top of the per-account lockout. */
export const SIGN_IN_RATE_LIMIT_DEFAULT = 20;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    port: intFromEnv(env, "PORT", 3000),
    host: env.HOST ?? "0.0.0.0",
    databaseUrl: env.DATABASE_URL && env.DATABASE_URL !== "" ? env.DATABASE_URL : null,
    dataDir: resolve(env.NAMRO_DATA_DIR ?? resolve(repositoryRoot, "data")),
    behindTls: env.NAMRO_BEHIND_TLS === "1" || env.NAMRO_BEHIND_TLS === "true",
    statementTimeoutMs: intFromEnv(env, "NAMRO_STATEMENT_TIMEOUT_MS", 15_000),
    sessionTtlHours: intFromEnv(env, "NAMRO_SESSION_TTL_HOURS", 12),
    signInRateLimitPerMinute: Math.max(
      1,
      intFromEnv(env, "NAMRO_SIGN_IN_RATE_LIMIT", SIGN_IN_RATE_LIMIT_DEFAULT),
    ),
    logLevel: env.LOG_LEVEL ?? "info",
    webDistDir: resolve(repositoryRoot, "apps/web/dist"),
  };
}

export { repositoryRoot };
