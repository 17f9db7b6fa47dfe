// The member registry over HTTP: list and search, the record with masking, admission and edits with
// optimistic concurrency.
import { memberRoutes } from "@namro/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, createProvince } from "../../../test/factories.ts";
import { createMember } from "../../../test/member-factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";

let t: TestApp;
let p: Awaited<ReturnType<typeof createProvince>>;
let staff: TestSession; // committee_staff over the province: manages, sees sensitive fields
let secretary: TestSession; // cell_secretary of cell A: manages, no sensitive fields
let leader: TestSession; // committee_leader of commune A: reads, sees sensitive fields
// committee_leader of commune A (sensitive there) and cell_secretary of cell B (not sensitive there)
let mixed: TestSession;

beforeAll(async () => {
  t = await createTestApp({ now: "2026-06-15T03:00:00Z" });
  p = await createProvince(t.database.db);
  staff = await t.actor([{ role: "committee_staff", orgId: p.province.id }]);
  secretary = await t.actor([{ role: "cell_secretary", orgId: p.cellA.id }]);
  leader = await t.actor([{ role: "committee_leader", orgId: p.communeA.id }]);
  mixed = await t.actor([
    { role: "committee_leader", orgId: p.communeA.id },
    { role: "cell_secretary", orgId: p.cellB.id },
  ]);
});
afterAll(async () => {
  await t.close();
});

const ADMISSION = {
  fullName: "Nguyễn Thị Hoà",
  sex: "female",
  birthDate: "1990-04-12",
  ethnicity: "Kinh",
  religion: "Phật giáo",
  citizenId: "001190012345",
  cardNumber: "93.012.345",
  admittedOn: "2025-03-02",
  educationProfessional: "dai_hoc",
  theoryLevel: "trung_cap",
  discipline: "Khiển trách 2024",
};

async function admit(session: TestSession, body: Record<string, unknown>) {
  return t.call(session, { method: "POST", url: "/api/members", payload: body });
}

async function newCell() {
  return createOrg(t.database.db, p.communeA, { typeCode: "chi_bo_truc_thuoc" });
}

describe("GET /api/members", () => {
  it("answers 401 without a session and 400 with the field path of a bad filter", async () => {
    expect((await t.call(null, { method: "GET", url: "/api/members" })).statusCode).toBe(401);
    const bad = await t.call(staff, { method: "GET", url: "/api/members?status=alive&sort=age" });
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json() as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["querystring.status.0", "querystring.sort"]));
  });

  it("finds names typed without diacritics, in Vietnamese order, paged with a total", async () => {
    const cell = await newCell();
    for (const fullName of [
      "Nguyễn Thị Hòa",
      "Nguyễn Thị Hoà",
      "Nguyễn Thị Hoà".normalize("NFD"),
      "Trần Văn Ánh",
      "Lê Văn Anh",
      "Đặng Thị Bé",
    ]) {
      await createMember(t.database.db, cell.id, { fullName });
    }
    const found = await t.call(staff, {
      method: "GET",
      url: `/api/members?orgId=${cell.id}&q=nguyen%20thi%20hoa`,
    });
    expect(found.statusCode).toBe(200);
    const page = found.json() as { items: { fullName: string }[]; total: number; totalCapped: boolean };
    expect(page.total).toBe(3);
    expect(page.totalCapped).toBe(false);
    expect(page.items.map((m) => m.fullName.normalize("NFC")).sort()).toEqual(
      ["Nguyễn Thị Hoà", "Nguyễn Thị Hoà", "Nguyễn Thị Hòa"].sort(),
    );
    const sorted = await t.call(staff, {
      method: "GET",
      url: `/api/members?orgId=${cell.id}&pageSize=3&page=1`,
    });
    const sortedPage = sorted.json() as { items: { fullName: string }[]; total: number };
    expect(sortedPage.total).toBe(6);
    // Given name first, then family name: Anh < Ánh < Bé < Hoa…
    expect(sortedPage.items.map((m) => m.fullName)).toEqual(["Lê Văn Anh", "Trần Văn Ánh", "Đặng Thị Bé"]);
    const desc = await t.call(staff, {
      method: "GET",
      url: `/api/members?orgId=${cell.id}&sort=-name&pageSize=1`,
    });
    expect((desc.json() as { items: { fullName: string }[] }).items[0]?.fullName).not.toBe("Lê Văn Anh");
  });

  it("sorts by birth date and admission date, and answers an empty page past the end", async () => {
    const cell = await newCell();
    await createMember(t.database.db, cell.id, {
      fullName: "Ông Văn Già",
      birthDate: "1960-01-01",
      admittedOn: "1990-01-01",
    });
    await createMember(t.database.db, cell.id, {
      fullName: "Âu Thị Trẻ",
      birthDate: "1995-01-01",
      admittedOn: "2020-01-01",
    });
    await createMember(t.database.db, cell.id, {
      fullName: "Ấu Văn Giữa",
      birthDate: "1980-01-01",
      admittedOn: "2005-01-01",
    });
    const names = async (query: string) =>
      (
        (await t.call(staff, { method: "GET", url: `/api/members?orgId=${cell.id}&${query}` })).json() as {
          items: { fullName: string }[];
        }
      ).items.map((m) => m.fullName);
    expect(await names("sort=birthDate")).toEqual(["Ông Văn Già", "Ấu Văn Giữa", "Âu Thị Trẻ"]);
    expect(await names("sort=-admittedOn")).toEqual(["Âu Thị Trẻ", "Ấu Văn Giữa", "Ông Văn Già"]);
    expect(await names("page=2&pageSize=3")).toEqual([]);
    expect(await names("page=2&pageSize=2")).toHaveLength(1);
  });

  it("masks citizen IDs for a cell secretary and shows them to committee staff", async () => {
    await createMember(t.database.db, p.cellA.id, { fullName: "Phan Văn Khải", citizenId: "001085099999" });
    const asStaff = await t.call(staff, { method: "GET", url: `/api/members?orgId=${p.cellA.id}&q=khai` });
    expect((asStaff.json() as { items: { citizenId: string }[] }).items[0]?.citizenId).toBe("001085099999");
    const asSecretary = await t.call(secretary, {
      method: "GET",
      url: `/api/members?orgId=${p.cellA.id}&q=khai`,
    });
    expect((asSecretary.json() as { items: { citizenId: string }[] }).items[0]?.citizenId).toBe(
      "00108*****99",
    );
    // Searching by the number works only where it may be seen.
    const byId = (s: TestSession) =>
      t.call(s, { method: "GET", url: `/api/members?orgId=${p.cellA.id}&q=001085099999` });
    expect(((await byId(staff)).json() as { total: number }).total).toBe(1);
    expect(((await byId(secretary)).json() as { total: number }).total).toBe(0);
  });

  it("filters by religion and citizen ID only over subtrees where the actor sees both everywhere", async () => {
    await createMember(t.database.db, p.cellA.id, {
      fullName: "Giáo Thị Đạo",
      religion: "Công giáo",
      citizenId: "001190055555",
    });
    await createMember(t.database.db, p.cellA.id, { fullName: "Giáo Văn Không", religion: "Không" });
    await createMember(t.database.db, p.cellB.id, { fullName: "Giáo Văn Bê", religion: "Công giáo" });
    const list = async (session: TestSession, query: string) => {
      const response = await t.call(session, { method: "GET", url: `/api/members?pageSize=200&${query}` });
      expect(response.statusCode).toBe(200);
      const page = response.json() as { items: { fullName: string; religion?: unknown }[]; total: number };
      expect(page.items.every((item) => item.religion === undefined)).toBe(true);
      return page.items.map((item) => item.fullName).sort();
    };
    const catholic = `religion=${encodeURIComponent("Công giáo")}`;
    const noReligion = `religion=${encodeURIComponent("Không")}`;
    const byId = "q=001190055555";

    // A cell secretary (no member.sensitive): the religion filter is ignored, as export and statistics do,
    // so the answer tells nothing about anyone's religion; the ID number finds nobody.
    expect(await list(secretary, catholic)).toEqual(await list(secretary, ""));
    expect(await list(secretary, `q=giao&${noReligion}`)).toEqual(["Giáo Thị Đạo", "Giáo Văn Không"]);
    expect(await list(secretary, byId)).toEqual([]);
    expect(await list(secretary, `orgId=${p.cellA.id}&${byId}`)).toEqual([]);

    // Committee staff over the province sees sensitive fields everywhere: both filters apply.
    expect(await list(staff, `q=giao&${catholic}`)).toEqual(["Giáo Thị Đạo", "Giáo Văn Bê"]);
    expect(await list(staff, `orgId=${p.cellA.id}&q=giao&${noReligion}`)).toEqual(["Giáo Văn Không"]);
    expect(await list(staff, byId)).toEqual(["Giáo Thị Đạo"]);
    expect(await list(leader, `q=giao&${catholic}`)).toEqual(["Giáo Thị Đạo"]);
    expect(await list(leader, byId)).toEqual(["Giáo Thị Đạo"]);

    // Sensitive over commune A but not over cell B: over the whole read scope neither filter applies…
    expect(await list(mixed, `q=giao&${catholic}`)).toEqual([
      "Giáo Thị Đạo",
      "Giáo Văn Bê",
      "Giáo Văn Không",
    ]);
    expect(await list(mixed, byId)).toEqual([]);
    expect(await list(mixed, `orgId=${p.cellB.id}&q=giao&${noReligion}`)).toEqual(["Giáo Văn Bê"]);
    // …within commune A alone both do.
    expect(await list(mixed, `orgId=${p.communeA.id}&q=giao&${catholic}`)).toEqual(["Giáo Thị Đạo"]);
    expect(await list(mixed, `orgId=${p.communeA.id}&${byId}`)).toEqual(["Giáo Thị Đạo"]);
  });

  it("answers 404 for a subtree outside the actor's scope", async () => {
    const response = await t.call(secretary, { method: "GET", url: `/api/members?orgId=${p.cellB.id}` });
    expect(response.statusCode).toBe(404);
  });
});

describe("POST /api/members (admission)", () => {
  it("admits a probationary member with a cell span, an admission event and an audit row", async () => {
    const cell = await newCell();
    const response = await admit(staff, {
      ...ADMISSION,
      orgId: cell.id,
      citizenId: "001190011111",
      cardNumber: "93011111",
    });
    expect(response.statusCode).toBe(201);
    const member = response.json() as Record<string, unknown> & {
      id: number;
      cellHistory: unknown[];
      events: { kind: string }[];
    };
    expect(member).toMatchObject({
      fullName: "Nguyễn Thị Hoà",
      status: "probationary",
      statusSince: "2025-03-02",
      orgId: cell.id,
      citizenId: "001190011111",
      religion: "Phật giáo",
      version: 1,
      canEdit: true,
      canSeeSensitive: true,
    });
    expect(member.orgPath).toEqual([
      { id: p.province.id, name: p.province.name },
      { id: p.communeA.id, name: p.communeA.name },
    ]);
    expect(member.cellHistory).toEqual([
      { orgId: cell.id, orgName: cell.name, validFrom: "2025-03-02", validTo: null },
    ]);
    expect(member.events.map((e) => e.kind)).toEqual(["admission"]);
    const audit = await t.database.db
      .selectFrom("auditLog")
      .select(["action", "entityId"])
      .where("entityType", "=", "member")
      .where("entityId", "=", String(member.id))
      .execute();
    expect(audit).toEqual([{ action: "member.admit", entityId: String(member.id) }]);
  });

  it("answers 400 with field paths and rule codes, and writes nothing", async () => {
    const cell = await newCell();
    const before = await t.database.db
      .selectFrom("members")
      .select(({ fn }) => fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    const response = await admit(staff, {
      ...ADMISSION,
      orgId: cell.id,
      birthDate: "2010-01-01",
      citizenId: "12345",
      cardNumber: "12",
      admittedOn: "2027-01-01",
    });
    expect(response.statusCode).toBe(400);
    const issues = (response.json() as { error: { issues: { path: string; message: string }[] } }).error
      .issues;
    expect(issues.map((i) => i.path).sort()).toEqual(
      ["body.admittedOn", "body.admittedOn", "body.cardNumber", "body.citizenId"].sort(),
    );
    // Catalogued rule codes are answered in words.
    expect(issues.find((i) => i.path === "body.citizenId")?.message).toContain("12 chữ số");
    const missing = await admit(staff, { orgId: cell.id });
    expect(missing.statusCode).toBe(400);
    const after = await t.database.db
      .selectFrom("members")
      .select(({ fn }) => fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(after.n).toEqual(before.n);
  });

  it("refuses a non-cell, an organisation outside the scope, and taken numbers", async () => {
    const notCell = await admit(staff, { ...ADMISSION, orgId: p.communeA.id });
    expect(notCell.statusCode).toBe(400);
    expect((notCell.json() as { error: { issues: { path: string }[] } }).error.issues[0]?.path).toBe(
      "body.orgId",
    );
    expect((await admit(secretary, { ...ADMISSION, orgId: p.cellB.id })).statusCode).toBe(404);
    const cell = await newCell();
    await createMember(t.database.db, cell.id, {
      fullName: "Hà Văn Tám",
      citizenId: "001190022222",
      cardNumber: "93022222",
    });
    const takenId = await admit(staff, {
      ...ADMISSION,
      orgId: cell.id,
      citizenId: "001190022222",
      cardNumber: null,
    });
    expect(takenId.statusCode).toBe(409);
    expect(takenId.json()).toMatchObject({
      error: { code: "MEMBER_CITIZEN_ID_TAKEN", issues: [{ path: "body.citizenId" }] },
    });
    const takenCard = await admit(staff, {
      ...ADMISSION,
      orgId: cell.id,
      citizenId: null,
      cardNumber: "93 022 222",
    });
    expect(takenCard.json()).toMatchObject({ error: { code: "MEMBER_CARD_NUMBER_TAKEN" } });
  });

  it("ignores sensitive fields sent by someone who may not see them", async () => {
    const response = await admit(secretary, {
      ...ADMISSION,
      orgId: p.cellA.id,
      citizenId: "001190033333",
      cardNumber: "93033333",
    });
    expect(response.statusCode).toBe(201);
    const id = (response.json() as { id: number }).id;
    const row = await t.database.db
      .selectFrom("members")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ citizenId: null, religion: "Không", discipline: null });
  });
});

describe("GET /api/members/:id", () => {
  it("masks sensitive fields for a cell secretary, shows them to committee staff, 404 outside", async () => {
    const member = await createMember(t.database.db, p.cellA.id, {
      fullName: "Võ Thị Lan",
      citizenId: "001185044444",
      religion: "Công giáo",
      discipline: "Cảnh cáo 2023",
    });
    const url = `/api/members/${member.id}`;
    expect((await t.call(null, { method: "GET", url })).statusCode).toBe(401);
    const asSecretary = (await t.call(secretary, { method: "GET", url })).json();
    expect(asSecretary).toMatchObject({
      citizenId: "00118*****44",
      religion: null,
      discipline: null,
      canEdit: true,
      canSeeSensitive: false,
    });
    const asStaff = (await t.call(staff, { method: "GET", url })).json();
    expect(asStaff).toMatchObject({
      citizenId: "001185044444",
      religion: "Công giáo",
      discipline: "Cảnh cáo 2023",
    });
    const asLeader = (await t.call(leader, { method: "GET", url })).json();
    expect(asLeader).toMatchObject({ citizenId: "001185044444", canEdit: false, canSeeSensitive: true });
    const outsider = await createMember(t.database.db, p.cellB.id, { fullName: "Bùi Văn Ngoài" });
    expect((await t.call(secretary, { method: "GET", url: `/api/members/${outsider.id}` })).statusCode).toBe(
      404,
    );
    expect((await t.call(secretary, { method: "GET", url: "/api/members/abc" })).statusCode).toBe(400);
  });
});

describe("PUT /api/members/:id", () => {
  async function detail(session: TestSession, id: number) {
    return (await t.call(session, { method: "GET", url: `/api/members/${id}` })).json() as Record<
      string,
      unknown
    > & {
      version: number;
    };
  }

  function editable(record: Record<string, unknown>) {
    const {
      fullName,
      sex,
      birthDate,
      ethnicity,
      admittedOn,
      fullMemberOn,
      educationProfessional,
      theoryLevel,
      cardNumber,
    } = record;
    return {
      fullName,
      sex,
      birthDate,
      ethnicity,
      admittedOn,
      fullMemberOn,
      educationProfessional,
      theoryLevel,
      cardNumber,
    };
  }

  it("tells the second of two edits from the same version, and keeps the first edit", async () => {
    const member = await createMember(t.database.db, p.cellA.id, { fullName: "Hồ Văn Một" });
    const seen = await detail(staff, member.id);
    const first = await t.call(staff, {
      method: "PUT",
      url: `/api/members/${member.id}`,
      payload: { ...editable(seen), occupation: "Giáo viên", version: seen.version },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ occupation: "Giáo viên", version: seen.version + 1 });
    const second = await t.call(secretary, {
      method: "PUT",
      url: `/api/members/${member.id}`,
      payload: { ...editable(seen), occupation: "Nông dân", version: seen.version },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ error: { code: "MEMBER_VERSION_CONFLICT" } });
    expect(await detail(staff, member.id)).toMatchObject({
      occupation: "Giáo viên",
      version: seen.version + 1,
    });
  });

  it("keeps sensitive values an actor without the permission cannot see, and audits only changes", async () => {
    const member = await createMember(t.database.db, p.cellA.id, {
      fullName: "Lý Thị Hai",
      citizenId: "001185055555",
      religion: "Phật giáo",
    });
    const seen = await detail(secretary, member.id);
    const response = await t.call(secretary, {
      method: "PUT",
      url: `/api/members/${member.id}`,
      payload: {
        ...editable(seen),
        fullName: "Lý Thị  Hai Hà",
        citizenId: null,
        religion: "Không",
        version: seen.version,
      },
    });
    expect(response.statusCode).toBe(200);
    const row = await t.database.db
      .selectFrom("members")
      .selectAll()
      .where("id", "=", member.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      fullName: "Lý Thị Hai Hà",
      citizenId: "001185055555",
      religion: "Phật giáo",
      searchKey: "ly thi hai ha",
    });
    const audit = await t.database.db
      .selectFrom("auditLog")
      .select(["before", "after"])
      .where("action", "=", "member.update")
      .where("entityId", "=", String(member.id))
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ before: { fullName: "Lý Thị Hai" }, after: { fullName: "Lý Thị Hai Hà" } });
  });

  it("validates with field paths; 404 outside the scope or without member.manage", async () => {
    const member = await createMember(t.database.db, p.cellA.id, { fullName: "Tạ Văn Ba" });
    const seen = await detail(staff, member.id);
    const bad = await t.call(staff, {
      method: "PUT",
      url: `/api/members/${member.id}`,
      payload: { ...editable(seen), fullMemberOn: "2015-06-01", version: seen.version },
    });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path)).toEqual(
      ["body.fullMemberOn"],
    );
    const outsider = await createMember(t.database.db, p.cellB.id, { fullName: "Mai Văn Xa" });
    const outside = await t.call(secretary, {
      method: "PUT",
      url: `/api/members/${outsider.id}`,
      payload: { ...editable(seen), version: 1 },
    });
    expect(outside.statusCode).toBe(404);
    const reader = await t.call(leader, {
      method: "PUT",
      url: `/api/members/${member.id}`,
      payload: { ...editable(seen), version: 1 },
    });
    expect(reader.statusCode).toBe(404); // committee_leader holds no member.manage anywhere
  });
});

describe("every member route", () => {
  it("answers 401 without a session and 404 for a member outside the actor's subtree", async () => {
    const outsider = await createMember(t.database.db, p.cellB.id, { fullName: "Lâm Văn Ngoài" });
    for (const route of Object.values(memberRoutes)) {
      const url = route.path.replace(":id", String(outsider.id)).replace(":postId", "1");
      const anonymous = await t.call(null, {
        method: route.method,
        url,
        ...(route.method === "GET" ? {} : { payload: {} }),
      });
      expect(anonymous.statusCode, `${route.method} ${route.path}`).toBe(401);
    }
    const payloads: [string, string, Record<string, unknown> | undefined][] = [
      ["GET", `/api/members/${outsider.id}`, undefined],
      ["GET", `/api/members/${outsider.id}/cell?on=2020-01-01`, undefined],
      [
        "PUT",
        `/api/members/${outsider.id}`,
        {
          fullName: "Lâm Văn Ngoài",
          sex: "male",
          birthDate: "1985-03-02",
          admittedOn: "2015-05-19",
          version: 1,
        },
      ],
      [
        "POST",
        `/api/members/${outsider.id}/events`,
        { kind: "exemption", occurredOn: "2024-01-01", version: 1 },
      ],
      [
        "POST",
        `/api/members/${outsider.id}/posts`,
        { postType: "bi_thu", startedOn: "2020-01-01", version: 1 },
      ],
      ["PUT", `/api/members/${outsider.id}/posts/1`, { endedOn: "2024-01-01", version: 1 }],
      ["GET", `/api/member-transfers?orgId=${p.cellB.id}`, undefined],
    ];
    for (const [method, url, payload] of payloads) {
      const response = await t.call(secretary, {
        method: method as "GET",
        url,
        ...(payload ? { payload } : {}),
      });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
  });
});
