// Zod issues turned into short messages people understand, in their language.
import type { Locale } from "@namro/contracts";
import type { z } from "zod";

type Issue = z.core.$ZodIssue;

function describe(issue: Issue, locale: Locale): string {
  const vi = locale === "vi";
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return vi ? "Trường này là bắt buộc." : "This field is required.";
      return vi
        ? `Kiểu dữ liệu không đúng (cần ${issue.expected}).`
        : `Wrong type (expected ${issue.expected}).`;
    case "too_small":
      if (issue.origin === "string")
        return vi ? `Cần ít nhất ${issue.minimum} ký tự.` : `Needs at least ${issue.minimum} characters.`;
      if (issue.origin === "array")
        return vi ? `Cần ít nhất ${issue.minimum} mục.` : `Needs at least ${issue.minimum} items.`;
      return vi ? `Giá trị phải từ ${issue.minimum} trở lên.` : `Must be at least ${issue.minimum}.`;
    case "too_big":
      if (issue.origin === "string")
        return vi ? `Tối đa ${issue.maximum} ký tự.` : `At most ${issue.maximum} characters.`;
      if (issue.origin === "array")
        return vi ? `Tối đa ${issue.maximum} mục.` : `At most ${issue.maximum} items.`;
      return vi ? `Giá trị tối đa là ${issue.maximum}.` : `Must be at most ${issue.maximum}.`;
    case "invalid_format":
      if (issue.format === "date")
        return vi ? "Ngày không hợp lệ (dạng yyyy-mm-dd)." : "Not a valid date (yyyy-mm-dd).";
      return vi ? "Định dạng không hợp lệ." : "Invalid format.";
    case "invalid_value":
      return vi
        ? `Giá trị không hợp lệ; chọn một trong: ${issue.values.join(", ")}.`
        : `Invalid value; choose one of: ${issue.values.join(", ")}.`;
    case "unrecognized_keys":
      return vi
        ? `Trường không được phép: ${issue.keys.join(", ")}.`
        : `Unknown fields: ${issue.keys.join(", ")}.`;
    case "invalid_union":
      return vi ? "Dữ liệu không khớp với dạng nào được chấp nhận." : "Does not match any accepted shape.";
    default:
      return vi ? "Giá trị không hợp lệ." : "Invalid value.";
  }
}

export function localizeIssues(issues: readonly Issue[], prefix: string, locale: Locale) {
  return issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((part) => part !== "").join("."),
    message: describe(issue, locale),
  }));
}
