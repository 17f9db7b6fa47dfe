import { describe, expect, it } from "vitest";
import { loadConfig, SIGN_IN_RATE_LIMIT_DEFAULT } from "./config.ts";

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
