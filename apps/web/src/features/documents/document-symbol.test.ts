import { describe, expect, it } from "vitest";
import { displaySymbol, documentName, documentOrigin } from "./document-symbol.ts";

describe("displaySymbol", () => {
  it("writes a Party number without a colon after Số", () => {
    expect(displaySymbol({ system: "party", symbol: "21-KL/TW" })).toBe("Số 21-KL/TW");
    expect(displaySymbol({ system: "party", symbol: "05-QC/BTCTU-BDVTU" })).toBe("Số 05-QC/BTCTU-BDVTU");
  });

  it("writes a state number in the state form, with the colon", () => {
    expect(displaySymbol({ system: "state", symbol: "30/2020/NĐ-CP" })).toBe("Số: 30/2020/NĐ-CP");
  });

  it("gives nothing for an unnumbered document", () => {
    expect(displaySymbol({ system: "party", symbol: null })).toBeNull();
  });
});

describe("documentName", () => {
  it("names a numbered document by its type and symbol", () => {
    expect(documentName({ system: "party", symbol: "21-KL/TW", citation: null, typeName: "Kết luận" })).toBe(
      "Kết luận số 21-KL/TW",
    );
  });

  it("names an unnumbered one by its citation, else by its type", () => {
    expect(
      documentName({
        system: "party",
        symbol: null,
        citation: "Nghị quyết Trung ương 4 (khóa XII)",
        typeName: "Nghị quyết",
      }),
    ).toBe("Nghị quyết Trung ương 4 (khóa XII)");
    expect(documentName({ system: "party", symbol: null, citation: null, typeName: "Nghị quyết" })).toBe(
      "Nghị quyết",
    );
  });
});

describe("in the English interface", () => {
  it("writes No. instead of Số and keeps the symbol", () => {
    expect(displaySymbol({ system: "party", symbol: "21-KL/TW" }, "en")).toBe("No. 21-KL/TW");
    expect(displaySymbol({ system: "state", symbol: "30/2020/NĐ-CP" }, "en")).toBe("No. 30/2020/NĐ-CP");
    expect(
      documentName({ system: "party", symbol: "21-KL/TW", citation: null, typeName: "Conclusion" }, "en"),
    ).toBe("Conclusion No. 21-KL/TW");
  });
});

describe("documentOrigin", () => {
  it("is the issuing organisation, else the holder", () => {
    expect(documentOrigin({ issuingOrgName: "Đảng ủy xã Tân Lập", ownerOrgName: "Huyện ủy" })).toBe(
      "Đảng ủy xã Tân Lập",
    );
    expect(documentOrigin({ issuingOrgName: null, ownerOrgName: "Huyện ủy" })).toBe("Huyện ủy");
  });
});
