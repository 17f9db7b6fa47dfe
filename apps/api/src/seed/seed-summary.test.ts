import { describe, expect, it } from "vitest";
import { formatBytes, formatSeedSummary } from "./seed-summary.ts";

const zero = { organisations: 0, accounts: 0, members: 0, documents: 0, tasks: 0 };

describe("seed summary", () => {
  it("says per part what was added and how long it took, the total time and the size", () => {
    const lines = formatSeedSummary({
      scale: "national",
      before: { ...zero, organisations: 1514, accounts: 8 },
      after: { organisations: 362559, accounts: 6638, members: 5584930, documents: 972073, tasks: 5000000 },
      timings: {
        demoMs: 0,
        organisationsMs: 104_000,
        documentsMs: 1_670_000,
        membersMs: 981_000,
        tasksMs: 834_000,
        totalMs: 3_600_000,
      },
      size: { bytes: 20 * 1024 ** 3, method: "pg_database_size" },
    });
    const text = lines.join("\n");
    expect(lines[0]).toBe("Tổng kết quy mô national (summary, scale national):");
    expect(text).toMatch(/tổ chức \(organisations\) +\+361045 +104\.0 s +tổng 362559 \(total\)/);
    expect(text).toMatch(/tài khoản \(accounts\) +\+6630 +\(cùng tổ chức \/ with the organisations\)/);
    expect(text).toMatch(/đảng viên \(members\) +\+5584930 +981\.0 s/);
    expect(text).toMatch(/văn bản \(documents\) +\+972073 +1670\.0 s/);
    expect(text).toMatch(/nhiệm vụ \(tasks\) +\+5000000 +834\.0 s/);
    expect(text).toContain("Tổng thời gian (total time): 3600.0 s (60.0 phút / min)");
    expect(text).toContain(
      "Dung lượng cơ sở dữ liệu (database size): 20.00 GB — 21474836480 bytes, pg_database_size",
    );
    expect(text).not.toContain("demo province");
  });

  it("names the demo province when it was seeded in the run, and the data folder on PGlite", () => {
    const text = formatSeedSummary({
      scale: "demo",
      before: zero,
      after: { ...zero, organisations: 1514 },
      timings: { demoMs: 3300, organisationsMs: 0, documentsMs: 0, membersMs: 0, tasksMs: 0, totalMs: 3400 },
      size: { bytes: 190 * 1024 ** 2, method: "data folder" },
    }).join("\n");
    expect(text).toMatch(
      /tỉnh mẫu Bắc Ninh \(demo province\) +3\.3 s +mọi phần của tỉnh mẫu \(all its parts\)/,
    );
    expect(text).toContain("190 MB — 199229440 bytes, thư mục dữ liệu (data folder)");
  });

  it("formats sizes as pg_size_pretty does", () => {
    expect(formatBytes(6.0 * 1024 ** 3)).toBe("6.00 GB");
    expect(formatBytes(386 * 1024 ** 2)).toBe("386 MB");
    expect(formatBytes(2048)).toBe("2 kB");
  });
});
