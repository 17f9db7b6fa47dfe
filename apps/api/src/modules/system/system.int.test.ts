import {
  accountRoutes,
  auditRoutes,
  authRoutes,
  organisationRoutes,
  type RouteContract,
  systemRoutes,
} from "@namro/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe("system routes", () => {
  it("answers health and what the installation runs on", async () => {
    expect((await t.call(null, { method: "GET", url: "/api/health" })).json()).toEqual({ status: "ok" });
    const info = (await t.call(null, { method: "GET", url: "/api/system" })).json();
    expect(info).toEqual({ name: "Năm Rõ", version: "0.1.0", databaseKind: t.database.kind });
  });

  it("publishes an OpenAPI document listing every contract route", async () => {
    const response = await t.call(null, { method: "GET", url: "/api/docs/json" });
    expect(response.statusCode).toBe(200);
    const document = response.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toMatch(/^3\./);
    const contracts: RouteContract[] = [
      ...Object.values(systemRoutes),
      ...Object.values(authRoutes),
      ...Object.values(organisationRoutes),
      ...Object.values(accountRoutes),
      ...Object.values(auditRoutes),
    ];
    for (const contract of contracts) {
      const openApiPath = contract.path.replace(/:(\w+)/g, "{$1}");
      expect(
        document.paths[openApiPath]?.[contract.method.toLowerCase()],
        `${contract.method} ${contract.path}`,
      ).toBeDefined();
    }
  });

  it("answers unknown API paths with the JSON error shape, in the caller's language", async () => {
    const vi = await t.call(null, { method: "GET", url: "/api/nothing-here" });
    expect(vi.statusCode).toBe(404);
    expect(vi.json()).toMatchObject({ error: { code: "NOT_FOUND", message: "Không tìm thấy." } });
    const en = await t.call(null, {
      method: "GET",
      url: "/api/nothing-here",
      headers: { "accept-language": "en-GB,en" },
    });
    expect(en.json()).toMatchObject({ error: { code: "NOT_FOUND", message: "Not found." } });
  });

  it("sends security headers", async () => {
    const response = await t.call(null, { method: "GET", url: "/api/system" });
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(String(response.headers["content-security-policy"])).toContain("default-src 'self'");
    expect(response.headers["x-frame-options"]).toBe("SAMEORIGIN");
  });
});
