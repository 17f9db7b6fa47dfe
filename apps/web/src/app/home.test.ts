import type { Me } from "@namro/contracts";
import { describe, expect, it } from "vitest";
import { homePathOf } from "./home.ts";

function me(permissions: string[]): Me {
  return { permissions } as unknown as Me;
}

describe("homePathOf", () => {
  it("sends people who follow tasks to the dashboard", () => {
    expect(homePathOf(me(["org.read", "task.read"]))).toBe("/task-dashboard");
  });
  it("sends everyone else to the organisation tree", () => {
    expect(homePathOf(me(["org.read", "account.manage"]))).toBe("/organisations");
    expect(homePathOf(undefined)).toBe("/organisations");
  });
});
