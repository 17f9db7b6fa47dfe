import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, SIGN_IN_RATE_LIMIT_DEFAULT } from "./config.ts";

describe("loadConfig", () => {
  it("reads the environment it is given, with defaults", () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.signInRateLimitPerMinute).toBe(SIGN_IN_RATE_LIMIT_DEFAULT);
    expect(loadConfig({ PORT: "8080", NAMRO_SIGN_IN_RATE_LIMIT: "120" })).toMatchObject({
      port: 8080,
      signInRateLimitPerMinute: 120,
    });
  });

  it("refuses a value that is not a non-negative integer, naming the variable", () => {
    expect(() => loadConfig({ NAMRO_SIGN_IN_RATE_LIMIT: "many" })).toThrow(/NAMRO_SIGN_IN_RATE_LIMIT/);
  });

  it("keeps at least one sign-in a minute", () => {
    expect(loadConfig({ NAMRO_SIGN_IN_RATE_LIMIT: "0" }).signInRateLimitPerMinute).toBe(1);
  });
});

describe("loadConfig: e-mail", () => {
  it("sends no e-mail without NAMRO_SMTP_URL, and has no public address by default", () => {
    expect(loadConfig({})).toMatchObject({ mail: null, publicUrl: null, jobsEnabled: true });
    expect(loadConfig({ NAMRO_JOBS: "0" }).jobsEnabled).toBe(false);
    expect(loadConfig({}).autoBackups).toBe(true);
    expect(loadConfig({ NAMRO_AUTO_BACKUP: "0" }).autoBackups).toBe(false);
  });

  it("reads the SMTP server, the sender and the public address", () => {
    const config = loadConfig({
      NAMRO_SMTP_URL: "smtp://namro:secret@mail.example.vn:587",
      NAMRO_MAIL_FROM: "Năm Rõ <namro@tinhuy.example.vn>",
      NAMRO_PUBLIC_URL: "https://namro.example.vn/",
    });
    expect(config.mail).toEqual({
      smtpUrl: "smtp://namro:secret@mail.example.vn:587",
      from: "Năm Rõ <namro@tinhuy.example.vn>",
    });
    expect(config.publicUrl).toBe("https://namro.example.vn");
  });

  it("refuses an SMTP address without a sender, or one that is not smtp(s)://, naming the variable", () => {
    expect(() => loadConfig({ NAMRO_SMTP_URL: "smtp://mail.example.vn" })).toThrow(/NAMRO_MAIL_FROM/);
    expect(() => loadConfig({ NAMRO_SMTP_URL: "http://mail.example.vn", NAMRO_MAIL_FROM: "a@b.vn" })).toThrow(
      /NAMRO_SMTP_URL/,
    );
    expect(() => loadConfig({ NAMRO_PUBLIC_URL: "namro.example.vn" })).toThrow(/NAMRO_PUBLIC_URL/);
  });
});

describe("loadConfig: read replica", () => {
  it("has no replica by default and reads one beside DATABASE_URL", () => {
    expect(loadConfig({}).databaseReplicaUrl).toBeNull();
    expect(
      loadConfig({
        DATABASE_URL: "postgres://namro@db1:5432/namro",
        DATABASE_REPLICA_URL: "postgres://namro@db2:5432/namro",
      }).databaseReplicaUrl,
    ).toBe("postgres://namro@db2:5432/namro");
  });

  it("refuses a replica with the embedded database, in Vietnamese and English", () => {
    expect(() => loadConfig({ DATABASE_REPLICA_URL: "postgres://namro@db2:5432/namro" })).toThrow(
      /DATABASE_REPLICA_URL chỉ dùng được cùng DATABASE_URL.*needs DATABASE_URL/,
    );
    // A ConfigError: serve and the commands print its message alone and exit 1.
    expect(() => loadConfig({ DATABASE_REPLICA_URL: "postgres://namro@db2:5432/namro" })).toThrow(
      ConfigError,
    );
  });

  it("refuses a replica address that is not a postgres:// URL, without echoing its password", () => {
    const attempt = () =>
      loadConfig({ DATABASE_URL: "postgres://db1/namro", DATABASE_REPLICA_URL: "mysql://u:secret@db2/x" });
    expect(attempt).toThrow(/DATABASE_REPLICA_URL/);
    expect(attempt).not.toThrow(/secret/);
  });
});
