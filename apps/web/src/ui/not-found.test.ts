import { describe, expect, it } from "vitest";
import { ApiError } from "../lib/api.ts";
import { isNotFound } from "./not-found.ts";

describe("isNotFound", () => {
  it("is a malformed id, a 400 or a 404", () => {
    expect(isNotFound(null)).toBe(true);
    expect(isNotFound(new ApiError(404, "DOCUMENT_NOT_FOUND", "Không tìm thấy."))).toBe(true);
    expect(isNotFound(new ApiError(400, "VALIDATION_FAILED", "Dữ liệu không hợp lệ."))).toBe(true);
  });

  it("is not a server or network failure", () => {
    expect(isNotFound(new ApiError(500, "INTERNAL", "Lỗi."))).toBe(false);
    expect(isNotFound(new Error("offline"))).toBe(false);
  });
});
