import { describe, expect, it } from "vitest";
import { appPath, notificationText, unreadBadge } from "./notification-text.ts";

const reminder = {
  titleVi: "Nhắc ban hành văn bản cụ thể hóa",
  titleEn: "Reminder to issue an implementing document",
  bodyVi: "Hạn 30/06/2026",
  bodyEn: "Due 30/06/2026",
};

describe("notification text", () => {
  it("is in the reader's language", () => {
    expect(notificationText(reminder, "vi")).toEqual({ title: reminder.titleVi, body: reminder.bodyVi });
    expect(notificationText(reminder, "en-GB")).toEqual({ title: reminder.titleEn, body: reminder.bodyEn });
  });

  it("falls back to the other language when one is empty", () => {
    expect(notificationText({ ...reminder, titleEn: "", bodyEn: "" }, "en").title).toBe(reminder.titleVi);
  });
});

describe("notification links", () => {
  it("follows only paths of this app", () => {
    expect(appPath("/documents/12/coverage/3")).toBe("/documents/12/coverage/3");
    expect(appPath("//evil.example/x")).toBeNull();
    expect(appPath("https://evil.example/")).toBeNull();
    expect(appPath("/\\evil.example")).toBeNull();
    expect(appPath(null)).toBeNull();
  });
});

describe("unread badge", () => {
  it("shows nothing at zero and caps at 99+", () => {
    expect(unreadBadge(0)).toBeNull();
    expect(unreadBadge(7)).toBe("7");
    expect(unreadBadge(120)).toBe("99+");
  });
});
