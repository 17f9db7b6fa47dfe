import { describe, expect, it } from "vitest";
import { contentDisposition } from "./content-disposition.ts";

describe("contentDisposition", () => {
  it("gives an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDisposition("Kế hoạch 12-KH/TU (Đảng bộ).docx")).toBe(
      `attachment; filename="Ke hoach 12-KH/TU (Dang bo).docx"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%2012-KH%2FTU%20%28%C4%90%E1%BA%A3ng%20b%E1%BB%99%29.docx`,
    );
  });

  it("never lets a quote or a line break end the header value", () => {
    const header = contentDisposition('a"b\\c\r\nSet-Cookie: x.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.startsWith('attachment; filename="a_b_c__Set-Cookie: x.pdf"; ')).toBe(true);
    expect(header).toContain("filename*=UTF-8''a%22b%5Cc%0D%0ASet-Cookie%3A%20x.pdf");
  });

  it("decodes back to the name written in NFC", () => {
    const name = "Báo cáo sơ kết.pdf".normalize("NFD");
    const encoded = contentDisposition(name).split("UTF-8''")[1] ?? "";
    expect(decodeURIComponent(encoded)).toBe(name.normalize("NFC"));
  });
});
