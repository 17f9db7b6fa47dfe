// Configuration comes from the environment only; defaults give the embedded evaluation setup.
import { resolve } from "node:path";
import { SESSION_CACHE_TTL_MS } from "./platform/auth/session-cache.ts";

export interface AppConfig {
  port: number;
  host: string;
  /** PostgreSQL server URL; null means the embedded database in `dataDir`. */
  databaseUrl: string | null;
  /**
   * A streaming replica (hot standby) of `databaseUrl` for dashboard, report and search reads; null:
   * every read on the primary. Only with a PostgreSQL server (ADR 0009).
   */
  databaseReplicaUrl: string | null;
  dataDir: string;
  /** Mark cookies Secure and trust X-Forwarded-* (set when served behind TLS). */
  behindTls: boolean;
  statementTimeoutMs: number;
  sessionTtlHours: number;
  /**
   * How long a session read from the database is reused by this process (ADR 0010); 0: read on every
   * request. A sign-out, role or account change made by another process shows within this time.
   */
  sessionCacheMs: number;
  /** Sign-ins accepted per minute from one client address (an office behind one NAT shares it). */
  signInRateLimitPerMinute: number;
  logLevel: string;
  /** Folder with the built web app; served at / when present. */
  webDistDir: string;
  /** Reminders by e-mail; null: none sent and none queued. */
  mail: MailConfig | null;
  /** The address people open the app at ("https://namro.example.vn"), for links in e-mails; null: none. */
  publicUrl: string | null;
  /** Background jobs (reminders, the e-mail sender) run in `serve`; off: only on demand. */
  jobsEnabled: boolean;
  /** Embedded mode's daily backup into <dataDir>/backups (NAMRO_AUTO_BACKUP=0: off, e.g. when the folder is backed up otherwise). */
  autoBackups: boolean;
}

export interface MailConfig {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465. */
  smtpUrl: string;
  /** The sender, "Năm Rõ <namro@tinhuy.example.vn>". */
  from: string;
}

/** A setting that cannot be used: its message says which and why; the server does not start. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number.parseInt(raw, 10);
  if (!Number.isFinite(value) || value < 0)
    throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function mailFromEnv(env: NodeJS.ProcessEnv): MailConfig | null {
  const smtpUrl = env.NAMRO_SMTP_URL ?? "";
  if (smtpUrl === "") return null;
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new ConfigError(`NAMRO_SMTP_URL must look like smtp://user:password@host:587, got "${smtpUrl}"`);
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:")
    throw new ConfigError(`NAMRO_SMTP_URL must start with smtp:// or smtps://, got "${url.protocol}"`);
  const from = env.NAMRO_MAIL_FROM ?? "";
  // A guessed sender is refused by most servers; better to say so at start than fail every e-mail.
  if (!/@[^@\s>]+\.[^@\s>]+>?$/.test(from))
    throw new ConfigError(
      `NAMRO_MAIL_FROM must be set with NAMRO_SMTP_URL, e.g. "Năm Rõ <namro@tinhuy.example.vn>"`,
    );
  return { smtpUrl, from };
}

function publicUrlFromEnv(env: NodeJS.ProcessEnv): string | null {
  const raw = env.NAMRO_PUBLIC_URL ?? "";
  if (raw === "") return null;
  if (!/^https?:\/\/[^\s/]+/.test(raw))
    throw new ConfigError(`NAMRO_PUBLIC_URL must be an http(s) address, got "${raw}"`);
  return raw.replace(/\/+$/, "");
}

function replicaUrlFromEnv(env: NodeJS.ProcessEnv, databaseUrl: string | null): string | null {
  const raw = env.DATABASE_REPLICA_URL ?? "";
  if (raw === "") return null;
  // The embedded database has no replicas: better refused at start than silently ignored.
  if (databaseUrl === null)
    throw new ConfigError(
      "DATABASE_REPLICA_URL chỉ dùng được cùng DATABASE_URL (máy chủ PostgreSQL); cơ sở dữ liệu nhúng không có bản sao. " +
        "(DATABASE_REPLICA_URL needs DATABASE_URL: the embedded database has no replicas.)",
    );
  if (!/^postgres(ql)?:\/\//.test(raw))
    throw new ConfigError(
      `DATABASE_REPLICA_URL phải có dạng postgres://user:password@host:5432/namro (must be a postgres:// URL), got "${raw.replace(/:[^:@/]*@/, ":***@")}"`,
    );
  return raw;
}

const repositoryRoot = resolve(import.meta.dirname, "../../..");

/** Sign-ins per minute from one client address, on top of the per-account lockout. */
export const SIGN_IN_RATE_LIMIT_DEFAULT = 20;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL && env.DATABASE_URL !== "" ? env.DATABASE_URL : null;
  return {
    port: intFromEnv(env, "PORT", 3000),
    host: env.HOST ?? "0.0.0.0",
    databaseUrl,
    databaseReplicaUrl: replicaUrlFromEnv(env, databaseUrl),
    dataDir: resolve(env.NAMRO_DATA_DIR ?? resolve(repositoryRoot, "data")),
    behindTls: env.NAMRO_BEHIND_TLS === "1" || env.NAMRO_BEHIND_TLS === "true",
    statementTimeoutMs: intFromEnv(env, "NAMRO_STATEMENT_TIMEOUT_MS", 15_000),
    sessionTtlHours: intFromEnv(env, "NAMRO_SESSION_TTL_HOURS", 12),
    sessionCacheMs: intFromEnv(env, "NAMRO_SESSION_CACHE_MS", SESSION_CACHE_TTL_MS),
    signInRateLimitPerMinute: Math.max(
      1,
      intFromEnv(env, "NAMRO_SIGN_IN_RATE_LIMIT", SIGN_IN_RATE_LIMIT_DEFAULT),
    ),
    logLevel: env.LOG_LEVEL ?? "info",
    webDistDir: resolve(repositoryRoot, "apps/web/dist"),
    mail: mailFromEnv(env),
    publicUrl: publicUrlFromEnv(env),
    jobsEnabled: env.NAMRO_JOBS !== "0" && env.NAMRO_JOBS !== "false",
    autoBackups: env.NAMRO_AUTO_BACKUP !== "0" && env.NAMRO_AUTO_BACKUP !== "false",
  };
}

export { repositoryRoot };
