// The error handler's answer to a transaction the database gave up on because another one was
// updating the same rows: a 409 asking to try again, not a 500.
import Fastify from "fastify";
import { afterAll, describe, expect, it } from "vitest";
import { handleError } from "./error-handler.ts";

const app = Fastify({ logger: false });
app.setErrorHandler(handleError);
for (const [sqlState, message] of [
  ["40P01", "deadlock detected"],
  ["40001", "could not serialize access due to concurrent update"],
  ["23505", "duplicate key value violates unique constraint"],
] as const) {
  app.post(`/${sqlState}`, async () => {
    throw Object.assign(new Error(message), { code: sqlState });
  });
}

afterAll(async () => {
  await app.close();
});

describe("handleError", () => {
  it.each(["40P01", "40001"])(
    "answers SQLSTATE %s with CONCURRENT_UPDATE, 409, in the caller's language",
    async (state) => {
      const vi = await app.inject({ method: "POST", url: `/${state}` });
      expect(vi.statusCode).toBe(409);
      expect(vi.json().error).toMatchObject({
        code: "CONCURRENT_UPDATE",
        message: expect.stringContaining("thử lại"),
      });
      const en = await app.inject({ method: "POST", url: `/${state}`, headers: { "accept-language": "en" } });
      expect(en.json().error.message).toContain("try again");
    },
  );

  it("keeps other database errors internal", async () => {
    const response = await app.inject({ method: "POST", url: "/23505" });
    expect(response.statusCode).toBe(500);
    expect(response.json().error.code).toBe("INTERNAL_ERROR");
  });
});
