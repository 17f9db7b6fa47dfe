import type { FormInstance } from "antd";
import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../lib/api.ts";
import { showDocumentErrors } from "./document-form-errors.ts";

function fakeForm() {
  const fields: { name: unknown; errors: string[] }[] = [];
  const form = {
    setFields: (next: { name: unknown; errors: string[] }[]) => fields.push(...next),
    scrollToField: () => undefined,
  } as unknown as FormInstance;
  return { form, fields };
}

const t = ((key: string) => key) as unknown as TFunction;
const NAMES = ["number", "issuedOn", "subject", "ownerOrgId"];

describe("showDocumentErrors", () => {
  it("puts a register rule's error at the field it concerns and repeats it in the alert", () => {
    const { form, fields } = fakeForm();
    const error = new ApiError(409, "DOCUMENT_NUMBER_TAKEN", "Số văn bản này đã có trong sổ văn bản.");
    expect(showDocumentErrors(form, error, NAMES, t)).toBe("Số văn bản này đã có trong sổ văn bản.");
    expect(fields).toEqual([{ name: "number", errors: ["Số văn bản này đã có trong sổ văn bản."] }]);
  });

  it("puts an organisation outside the scope under the field its issue names", () => {
    const { form, fields } = fakeForm();
    const error = new ApiError(403, "DOCUMENT_ORG_OUTSIDE_SCOPE", "Ngoài phạm vi.", [
      { path: "body.recipientOrgIds.1", message: "DOCUMENT_ORG_OUTSIDE_SCOPE" },
    ]);
    expect(showDocumentErrors(form, error, [...NAMES, "recipientOrgIds"], t)).toBe("Ngoài phạm vi.");
    expect(fields).toEqual([{ name: "recipientOrgIds", errors: ["Ngoài phạm vi."] }]);
  });

  it("puts an owner the person does not manage under the owner field", () => {
    const { form, fields } = fakeForm();
    const error = new ApiError(404, "ORG_NOT_FOUND", "Không tìm thấy đơn vị.");
    showDocumentErrors(form, error, NAMES, t);
    expect(fields).toEqual([{ name: "ownerOrgId", errors: ["Không tìm thấy đơn vị."] }]);
  });

  it("puts validation issues at their fields and keeps the others for the alert", () => {
    const { form, fields } = fakeForm();
    const error = new ApiError(400, "VALIDATION_FAILED", "Dữ liệu không hợp lệ.", [
      { path: "body.subject", message: "Không được để trống" },
      { path: "body.relations.0.kind", message: "Quan hệ không hợp lệ" },
    ]);
    expect(showDocumentErrors(form, error, NAMES, t)).toBe("Dữ liệu không hợp lệ. Quan hệ không hợp lệ");
    expect(fields).toEqual([{ name: ["subject"], errors: ["Không được để trống"] }]);
  });

  it("says only the error when every issue found its field", () => {
    const { form } = fakeForm();
    const error = new ApiError(400, "VALIDATION_FAILED", "Dữ liệu không hợp lệ.", [
      { path: "body.issuedOn", message: "Ngày không hợp lệ" },
    ]);
    expect(showDocumentErrors(form, error, NAMES, t)).toBe("Dữ liệu không hợp lệ.");
  });

  it("shows a failure without field details as the message alone", () => {
    const { form, fields } = fakeForm();
    expect(showDocumentErrors(form, new ApiError(0, "NETWORK_ERROR", ""), NAMES, t)).toBe("errors.network");
    expect(fields).toEqual([]);
  });
});
