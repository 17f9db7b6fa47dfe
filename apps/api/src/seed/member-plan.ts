// Plans synthetic Party members for the cells of one province, without touching the database: who they
// are (names, sex, birth, ethnicity, religion, schooling, theory level), when they were admitted and made
// full, their cell history (some transferred in from another cell, a few deceased or struck off), events
// and posts (every cell a secretary; commune secretaries, a share of whom also chair the People's Council).
// Every record satisfies checkMemberRecord on `today`. Deterministic: the same cells, options and date
// give the same members. Rows come out column by column, ready for INSERT … SELECT FROM unnest(…).
import { addMonths, toSearchKey, vietnameseNameSortKey, yearsBetween } from "@namro/domain";
import { createRandom, type Random, seedFrom } from "./random.ts";
import {
  FAMILY_NAMES,
  GIVEN_NAMES_FEMALE,
  GIVEN_NAMES_MALE,
  MIDDLE_NAMES_FEMALE,
  MIDDLE_NAMES_MALE,
  MORE_FAMILY_NAMES,
  MORE_GIVEN_NAMES_FEMALE,
  MORE_GIVEN_NAMES_MALE,
  MORE_MIDDLE_NAMES_FEMALE,
  MORE_MIDDLE_NAMES_MALE,
  PROVINCES,
} from "./vietnamese-names.ts";

export type CellKind = "residential" | "school" | "health" | "company" | "agency";

/** A cell (an organisation whose type holds members) with what the plan needs to know about it. */
export interface PlanCell {
  id: number;
  code: string;
  name: string;
  /** ISO date the cell began; cell rows and posts never start before it. */
  validFrom: string;
  /** The commune-level committee (dang_uy_xa) above the cell, if any. */
  communeId: number | null;
}

export interface PlanCommune {
  id: number;
  /** "Đảng ủy xã Tân Hưng". */
  name: string;
  validFrom: string;
}

export interface MemberPlanOptions {
  /** Province code of the tree (PROVINCES), e.g. "BN". */
  provinceCode: string;
  /** Labels the random stream and the number blocks, so a later run never repeats an earlier one. */
  run: string;
  /** About how many members to plan (the result is within a few percent). */
  total: number;
  /** Today in Vietnam, ISO. */
  today: string;
  /** Offset into the 6-digit sequence of citizen IDs and Party cards (disjoint per run of a province). */
  numberBlock: number;
  /** Cell and commune posts (once per province: the demo run writes them, larger runs do not). */
  posts: boolean;
  /** An admission and a confirmation event for every member, besides transfers and deaths. */
  fullHistory: boolean;
  /** A cell of the demo accounts: 20–40 members, its secretary and one member named as the accounts. */
  featured?: { cellId: number; secretaryName: string; memberName: string };
}

export interface MemberColumns {
  orgId: number[];
  fullName: string[];
  searchKey: string[];
  sortKey: string[];
  sex: string[];
  birthDate: string[];
  birthPlace: string[];
  homeTown: string[];
  ethnicity: string[];
  religion: string[];
  citizenId: (string | null)[];
  cardNumber: (string | null)[];
  admittedOn: string[];
  fullMemberOn: (string | null)[];
  educationGeneral: string[];
  educationProfessional: string[];
  theoryLevel: string[];
  occupation: string[];
  status: string[];
  statusSince: string[];
  activity: string[];
  awards: (string | null)[];
  discipline: (string | null)[];
}

/** `member` is an index into the member columns; `event` into the event columns. */
export interface CellRowColumns {
  member: number[];
  orgId: number[];
  validFrom: string[];
  validTo: (string | null)[];
  event: (number | null)[];
}

export interface EventColumns {
  member: number[];
  kind: string[];
  occurredOn: string[];
  fromOrgId: (number | null)[];
  toOrgId: (number | null)[];
  decisionRef: (string | null)[];
  note: (string | null)[];
  statusBefore: (string | null)[];
  statusAfter: (string | null)[];
}

export interface PostColumns {
  member: number[];
  postType: string[];
  orgId: (number | null)[];
  heldAt: (string | null)[];
  startedOn: string[];
}

export interface MemberPlan {
  members: MemberColumns;
  cells: CellRowColumns;
  events: EventColumns;
  posts: PostColumns;
}

// ---------------------------------------------------------------------------------------------------
// Dates as day numbers (days since 1970-01-01, UTC): cheap arithmetic for millions of records.

const DAY_MS = 86_400_000;
const toDays = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const toIso = (days: number) => new Date(days * DAY_MS).toISOString().slice(0, 10);

/** The same calendar day `years` later (earlier when negative); 29 February becomes the 28th. */
function shiftYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const rest = iso.slice(4) === "-02-29" ? "-02-28" : iso.slice(4);
  return `${String(y).padStart(4, "0")}${rest}`;
}

/** Births on 29 February make "years between" off by one in common years; the plan avoids them. */
const noLeapDay = (iso: string) => (iso.endsWith("-02-29") ? `${iso.slice(0, 8)}28` : iso);

// ---------------------------------------------------------------------------------------------------
// Distributions

type Weighted<T> = readonly (readonly [T, number])[];

function weighted<T>(random: Random, table: Weighted<T>): T {
  let total = 0;
  for (const [, w] of table) total += w;
  let r = random.next() * total;
  for (const [value, w] of table) {
    r -= w;
    if (r < 0) return value;
  }
  return (table[table.length - 1] as readonly [T, number])[0];
}

/** Family names by their rough share in Vietnam (Nguyễn about a third); the rest share the remainder. */
const FAMILY_WEIGHTS: Weighted<string> = [
  ...FAMILY_NAMES.map(
    (name, i) =>
      [
        name,
        [32, 11, 9, 7, 5, 2, 4.5, 4, 2, 2.5, 2.5, 2.5, 1.5, 1.5, 1.5, 0.8, 1.5, 1.5, 1, 1][i] ?? 1,
      ] as const,
  ),
  ...MORE_FAMILY_NAMES.map((name) => [name, 0.4] as const),
];
// Common middle names (Văn, Thị, …) come first and are drawn more often; given names evenly.
const MIDDLE_MALE: Weighted<string> = [
  ...MIDDLE_NAMES_MALE.map((name, i) => [name, i === 0 ? 30 : 5] as const),
  ...MORE_MIDDLE_NAMES_MALE.map((name) => [name, 2] as const),
];
const MIDDLE_FEMALE: Weighted<string> = [
  ...MIDDLE_NAMES_FEMALE.map((name, i) => [name, i === 0 ? 30 : 5] as const),
  ...MORE_MIDDLE_NAMES_FEMALE.map((name) => [name, 2] as const),
];
const GIVEN_MALE = [...new Set([...GIVEN_NAMES_MALE, ...MORE_GIVEN_NAMES_MALE])];
const GIVEN_FEMALE = [...new Set([...GIVEN_NAMES_FEMALE, ...MORE_GIVEN_NAMES_FEMALE])];

const ETHNICITY_DEFAULT: Weighted<string> = [
  ["Kinh", 95.5],
  ["Mường", 1],
  ["Tày", 1],
  ["Hoa", 1],
  ["Nùng", 0.7],
  ["Thái", 0.8],
];
/** Bắc Ninh (with the former Bắc Giang): Tày, Nùng, Hoa, Sán Dìu and Sán Chay communities. */
const ETHNICITY_BY_PROVINCE: Record<string, Weighted<string>> = {
  BN: [
    ["Kinh", 92],
    ["Tày", 2],
    ["Nùng", 2],
    ["Sán Dìu", 1.5],
    ["Hoa", 1],
    ["Sán Chay", 1],
    ["Mường", 0.5],
  ],
};
const MOUNTAIN: Weighted<string> = [
  ["Kinh", 45],
  ["Tày", 14],
  ["Thái", 14],
  ["Mông", 9],
  ["Nùng", 8],
  ["Dao", 6],
  ["Mường", 3],
  ["Hà Nhì", 1],
];
const MEKONG: Weighted<string> = [
  ["Kinh", 90],
  ["Khmer", 7],
  ["Hoa", 3],
];
const HIGHLANDS: Weighted<string> = [
  ["Kinh", 78],
  ["Ê Đê", 7],
  ["Gia Rai", 7],
  ["Ba Na", 4],
  ["Tày", 2],
  ["Nùng", 2],
];
for (const code of ["LCH", "DB", "SL", "LS", "CB", "TQ", "LC"]) ETHNICITY_BY_PROVINCE[code] = MOUNTAIN;
for (const code of ["CT", "VL", "AG", "CM"]) ETHNICITY_BY_PROVINCE[code] = MEKONG;
for (const code of ["GL", "DL"]) ETHNICITY_BY_PROVINCE[code] = HIGHLANDS;

const RELIGION: Weighted<string> = [
  ["Không", 88.5],
  ["Phật giáo", 7.5],
  ["Công giáo", 3.3],
  ["Tin Lành", 0.4],
  ["Cao Đài", 0.3],
];

/** Citizen ID province codes of the former provinces each 2025 province was formed from, main one first. */
const CITIZEN_CODES: Record<string, readonly string[]> = {
  HN: ["001"],
  HCM: ["079", "074", "077"],
  HP: ["031", "030"],
  DNG: ["048", "049"],
  HUE: ["046"],
  CT: ["092", "094", "093"],
  LCH: ["012"],
  DB: ["011"],
  SL: ["014"],
  LS: ["020"],
  QNI: ["022"],
  TH: ["038"],
  NA: ["040"],
  HT: ["042"],
  CB: ["004"],
  TQ: ["008", "002"],
  LC: ["010", "015"],
  TN: ["019", "006"],
  PT: ["025", "026", "017"],
  BN: ["027", "024"],
  HY: ["033", "034"],
  NB: ["037", "036", "035"],
  QT: ["045", "044"],
  QNG: ["051", "062"],
  GL: ["064", "052"],
  KH: ["056", "058"],
  LD: ["068", "060", "067"],
  DL: ["066", "054"],
  DNA: ["075", "070"],
  TNI: ["072", "080"],
  VL: ["086", "083", "084"],
  DT: ["087", "082"],
  CM: ["096", "095"],
  AG: ["089", "091"],
};

const PROFESSIONAL_RESIDENT: Weighted<string> = [
  ["none", 42],
  ["so_cap", 10],
  ["trung_cap", 20],
  ["cao_dang", 9],
  ["dai_hoc", 17],
  ["thac_si", 2],
];
const PROFESSIONAL_WORKPLACE: Weighted<string> = [
  ["none", 3],
  ["so_cap", 2],
  ["trung_cap", 10],
  ["cao_dang", 12],
  ["dai_hoc", 56],
  ["thac_si", 15],
  ["tien_si", 2],
];
const THEORY_FULL: Weighted<string> = [
  ["none", 22],
  ["so_cap", 55],
  ["trung_cap", 17],
  ["cao_cap", 5],
  ["cu_nhan", 1],
];
const THEORY_PROBATIONARY: Weighted<string> = [
  ["none", 80],
  ["so_cap", 20],
];

const OCCUPATIONS: Record<CellKind, Weighted<string>> = {
  residential: [
    ["Nông dân", 40],
    ["Kinh doanh tự do", 15],
    ["Công nhân", 15],
    ["Cán bộ thôn", 10],
    ["Giáo viên", 8],
    ["Lao động tự do", 12],
  ],
  school: [
    ["Giáo viên", 85],
    ["Nhân viên", 10],
    ["Cán bộ quản lý giáo dục", 5],
  ],
  health: [
    ["Bác sĩ", 40],
    ["Điều dưỡng", 35],
    ["Dược sĩ", 10],
    ["Kỹ thuật viên y tế", 15],
  ],
  company: [
    ["Công nhân", 45],
    ["Kỹ sư", 25],
    ["Nhân viên văn phòng", 20],
    ["Quản lý doanh nghiệp", 10],
  ],
  agency: [
    ["Công chức", 60],
    ["Viên chức", 30],
    ["Sĩ quan", 10],
  ],
};

const BADGE_YEARS = [80, 75, 70, 65, 60, 55, 50, 45, 40, 30] as const;

export function cellKind(name: string): CellKind {
  const n = name.toLowerCase();
  if (n.startsWith("chi bộ thôn") || n.startsWith("chi bộ khu phố")) return "residential";
  if (n.includes("trường") || n.startsWith("chi bộ tổ ")) return "school";
  if (n.includes("y tế") || n.includes("khoa ") || n.includes("bệnh viện")) return "health";
  if (
    n.includes("phân xưởng") ||
    n.includes("phòng ") ||
    n.includes("hợp tác xã") ||
    n.includes("quỹ tín dụng")
  )
    return "company";
  return "agency";
}

/** "Đảng ủy xã Tân Hưng" → "xã Tân Hưng". */
function placeOf(committeeName: string): string {
  return committeeName.replace(/^Đảng ủy /, "");
}

// ---------------------------------------------------------------------------------------------------

/** A plan with no rows: every column present and empty. */
export function emptyPlan(): MemberPlan {
  return {
    members: {
      orgId: [],
      fullName: [],
      searchKey: [],
      sortKey: [],
      sex: [],
      birthDate: [],
      birthPlace: [],
      homeTown: [],
      ethnicity: [],
      religion: [],
      citizenId: [],
      cardNumber: [],
      admittedOn: [],
      fullMemberOn: [],
      educationGeneral: [],
      educationProfessional: [],
      theoryLevel: [],
      occupation: [],
      status: [],
      statusSince: [],
      activity: [],
      awards: [],
      discipline: [],
    },
    cells: { member: [], orgId: [], validFrom: [], validTo: [], event: [] },
    events: {
      member: [],
      kind: [],
      occurredOn: [],
      fromOrgId: [],
      toOrgId: [],
      decisionRef: [],
      note: [],
      statusBefore: [],
      statusAfter: [],
    },
    posts: { member: [], postType: [], orgId: [], heldAt: [], startedOn: [] },
  };
}

/** Permutes a 6-digit sequence number (odd multiplier coprime to 10⁶), so numbers look scattered yet stay unique. */
const scatter = (n: number, offset: number) =>
  String((((n + offset) % 1_000_000) * 7919 + 104_729) % 1_000_000).padStart(6, "0");

/** How a member is drawn: `role` fixes a profile for the people who hold posts. */
type Role = "member" | "cell_secretary" | "commune_secretary" | "commune_deputy";

export function planMembers(
  cells: readonly PlanCell[],
  communes: readonly PlanCommune[],
  options: MemberPlanOptions,
): MemberPlan {
  const plan = emptyPlan();
  if (cells.length === 0) return plan;
  const { today, provinceCode } = options;
  const todayDays = toDays(today);
  const random = createRandom(`members/${provinceCode}/${options.run}`);
  const provinceIndex = PROVINCES.findIndex((p) => p.code === provinceCode);
  const province = PROVINCES[provinceIndex];
  if (!province) throw new Error(`unknown province ${provinceCode}`);
  const provincePlace = `${province.city ? "thành phố" : "tỉnh"} ${province.name.replace(/^Thành phố /, "")}`;
  const citizenCodes = CITIZEN_CODES[provinceCode] ?? ["001"];
  const ethnicities = ETHNICITY_BY_PROVINCE[provinceCode] ?? ETHNICITY_DEFAULT;
  const communeById = new Map(communes.map((c) => [c.id, c]));
  const places = communes.length > 0 ? communes.map((c) => placeOf(c.name)) : [provincePlace];
  const citizenCounters = new Map<string, number>();
  let cardCounter = options.numberBlock;
  const keys = new Map<string, [string, string]>();
  const m = plan.members;

  // Cell sizes: residential cells are the large ones; the total is spread by weight.
  const kinds = cells.map((c) => cellKind(c.name));
  const weights = kinds.map((kind) => (kind === "residential" ? 1.4 : 0.7) * (0.5 + random.next()));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(3, Math.round((w / weightSum) * options.total)));
  const featuredIndex = options.featured ? cells.findIndex((c) => c.id === options.featured?.cellId) : -1;
  if (featuredIndex >= 0) sizes[featuredIndex] = random.int(24, 36);

  // The cell holding each commune's secretary: its first workplace cell, else its first cell.
  const communeCell = new Map<number, number>();
  if (options.posts) {
    cells.forEach((cell, i) => {
      if (cell.communeId === null) return;
      const held = communeCell.get(cell.communeId);
      if (held === undefined || (kinds[held] === "residential" && kinds[i] !== "residential"))
        communeCell.set(cell.communeId, i);
    });
    for (const i of communeCell.values()) sizes[i] = Math.max(sizes[i] as number, 6);
  }

  const pickName = (sex: "male" | "female") => {
    const family = weighted(random, FAMILY_WEIGHTS);
    const middle = weighted(random, sex === "female" ? MIDDLE_FEMALE : MIDDLE_MALE);
    const given = random.pick(sex === "female" ? GIVEN_FEMALE : GIVEN_MALE);
    // Some people carry two middle names, the common one first ("Nguyễn Thị Thu Hà").
    const common = (sex === "female" ? MIDDLE_NAMES_FEMALE : MIDDLE_NAMES_MALE)[0] as string;
    const double = middle !== common && random.chance(sex === "female" ? 0.2 : 0.06);
    return `${family} ${double ? `${common} ` : ""}${middle} ${given}`.normalize("NFC");
  };

  const addEvent = (
    member: number,
    kind: string,
    occurredOn: string,
    extra: Partial<Record<"from" | "to", number>> & {
      decisionRef?: string;
      note?: string;
      before?: string | null;
      after?: string | null;
    },
  ): number => {
    const e = plan.events;
    e.member.push(member);
    e.kind.push(kind);
    e.occurredOn.push(occurredOn);
    e.fromOrgId.push(extra.from ?? null);
    e.toOrgId.push(extra.to ?? null);
    e.decisionRef.push(extra.decisionRef ?? null);
    e.note.push(extra.note ?? null);
    e.statusBefore.push(extra.before ?? null);
    e.statusAfter.push(extra.after ?? null);
    return e.member.length - 1;
  };
  const addCellRow = (
    member: number,
    orgId: number,
    from: string,
    to: string | null,
    event: number | null,
  ) => {
    const c = plan.cells;
    c.member.push(member);
    c.orgId.push(orgId);
    c.validFrom.push(from);
    c.validTo.push(to);
    c.event.push(event);
  };
  const addPost = (
    member: number,
    postType: string,
    orgId: number | null,
    heldAt: string | null,
    on: string,
  ) => {
    const p = plan.posts;
    p.member.push(member);
    p.postType.push(postType);
    p.orgId.push(orgId);
    p.heldAt.push(heldAt);
    p.startedOn.push(on);
  };

  cells.forEach((cell, cellIndex) => {
    const kind = kinds[cellIndex] as CellKind;
    const size = sizes[cellIndex] as number;
    const commune = cell.communeId === null ? undefined : communeById.get(cell.communeId);
    const homePlace = commune ? placeOf(commune.name) : null;
    const cellFromDays = toDays(cell.validFrom);
    const holdsCommunePosts =
      options.posts && commune !== undefined && communeCell.get(commune.id) === cellIndex;

    for (let k = 0; k < size; k++) {
      const role: Role = !options.posts
        ? "member"
        : k === 0
          ? "cell_secretary"
          : holdsCommunePosts && k === 1
            ? "commune_secretary"
            : holdsCommunePosts && k === 2
              ? "commune_deputy"
              : "member";
      const index = m.orgId.length;
      const probationary = role === "member" && random.chance(0.04);

      // Age today: residential cells are older (many retirees); workplaces are of working age.
      let age: number;
      if (role === "commune_secretary" || role === "commune_deputy") age = random.int(40, 57);
      else if (role === "cell_secretary")
        age = kind === "residential" ? random.int(45, 70) : random.int(33, 58);
      else if (kind === "residential") {
        const band = random.next();
        age = band < 0.42 ? random.int(62, 90) : band < 0.74 ? random.int(45, 61) : random.int(22, 44);
      } else age = Math.round((random.int(23, 60) + random.int(23, 60)) / 2);

      let birthDate: string;
      let admittedOn: string;
      let fullMemberOn: string | null = null;
      if (probationary) {
        // Admitted in the last year, young.
        admittedOn = toIso(todayDays - random.int(20, 355));
        const admissionAge = 18 + Math.floor(random.next() ** 2 * 18);
        birthDate = noLeapDay(toIso(toDays(shiftYears(admittedOn, -admissionAge)) - random.int(0, 330)));
      } else {
        birthDate = noLeapDay(toIso(toDays(shiftYears(today, -age)) - random.int(0, 364)));
        const latest = Math.min(55, age - 3);
        const admissionAge = Math.min(latest, 18 + Math.floor(random.next() ** 1.6 * 32));
        admittedOn = toIso(toDays(shiftYears(birthDate, admissionAge)) + random.int(0, 330));
        fullMemberOn = toIso(toDays(addMonths(admittedOn, 12)) + random.int(0, 90));
      }

      // Sex: about 35% women among the older generations, up to half among the young.
      const birthYear = Number(birthDate.slice(0, 4));
      const femaleShare = birthYear < 1960 ? 0.33 : birthYear < 1975 ? 0.38 : birthYear < 1990 ? 0.45 : 0.51;
      let sex: "male" | "female" = random.chance(femaleShare) ? "female" : "male";
      let fullName = pickName(sex);
      if (featuredIndex === cellIndex && k === 0 && options.featured) {
        sex = "female";
        fullName = options.featured.secretaryName.normalize("NFC");
      } else if (featuredIndex === cellIndex && k === 1 && options.featured) {
        sex = "male";
        fullName = options.featured.memberName.normalize("NFC");
      }
      let nameKeys = keys.get(fullName);
      if (!nameKeys) {
        nameKeys = [toSearchKey(fullName), vietnameseNameSortKey(fullName)];
        keys.set(fullName, nameKeys);
      }

      const bornHere = homePlace !== null && random.chance(kind === "residential" ? 0.75 : 0.35);
      const somewhere = () =>
        communes.length > 0 ? `${random.pick(places)}, ${provincePlace}` : provincePlace;
      const birthPlace = bornHere ? `${homePlace}, ${provincePlace}` : somewhere();
      const homeTown = random.chance(0.8) ? birthPlace : somewhere();

      // Citizen ID: province of birth registration, sex and century, year, then a 6-digit sequence.
      let citizenId: string | null = null;
      if (random.chance(0.985)) {
        const code = random.chance(0.7) ? (citizenCodes[0] as string) : random.pick(citizenCodes);
        const sexCentury = (birthYear >= 2000 ? 2 : 0) + (sex === "female" ? 1 : 0);
        const prefix = `${code}${sexCentury}${birthDate.slice(2, 4)}`;
        const n = citizenCounters.get(prefix) ?? options.numberBlock;
        citizenCounters.set(prefix, n + 1);
        citizenId = `${prefix}${scatter(n, seedFrom(prefix) % 1_000_000)}`;
      }
      // Party cards are issued once a member is made full.
      const cardNumber = probationary ? null : `${10 + provinceIndex}${scatter(cardCounter++, 0)}`;

      const older = birthYear < 1965;
      const educationGeneral = older
        ? weighted(random, [
            ["10/10", 60],
            ["7/10", 25],
            ["12/12", 15],
          ] as const)
        : random.chance(0.96)
          ? "12/12"
          : "9/12";
      let educationProfessional = weighted(
        random,
        kind === "residential" ? PROFESSIONAL_RESIDENT : PROFESSIONAL_WORKPLACE,
      );
      let theoryLevel = weighted(random, probationary ? THEORY_PROBATIONARY : THEORY_FULL);
      if (role === "commune_secretary") {
        theoryLevel = random.chance(0.8) ? "cao_cap" : "cu_nhan";
        educationProfessional = random.chance(0.6) ? "thac_si" : "dai_hoc";
      } else if (role === "commune_deputy") {
        theoryLevel = "cao_cap";
        educationProfessional = "dai_hoc";
      } else if (role === "cell_secretary" && (theoryLevel === "none" || theoryLevel === "so_cap")) {
        theoryLevel = random.chance(0.6) ? "trung_cap" : "so_cap";
      }
      const occupation =
        kind === "residential" && age >= 60 && random.chance(0.75)
          ? "Hưu trí"
          : role === "commune_secretary" || role === "commune_deputy"
            ? "Cán bộ"
            : weighted(random, OCCUPATIONS[kind]);

      // Cell history: the current cell from when both the member and the cell existed.
      const admittedDays = toDays(admittedOn);
      let cellStart = Math.max(admittedDays, cellFromDays);
      let status = probationary ? "probationary" : "full";
      let statusSince = probationary ? admittedOn : (fullMemberOn as string);
      let activity = "regular";
      if (role === "member" && !probationary && age >= 75 && random.chance(0.25)) activity = "exempt";
      else if (role === "member" && kind !== "residential" && random.chance(0.01)) activity = "temporary";

      if (options.fullHistory) {
        addEvent(index, "admission", admittedOn, {
          decisionRef: `Quyết định kết nạp số ${random.int(1, 999)}-QĐ/ĐU`,
          after: "probationary",
        });
        if (fullMemberOn)
          addEvent(index, "confirmation", fullMemberOn, {
            decisionRef: `Quyết định công nhận đảng viên chính thức số ${random.int(1, 999)}-QĐ/ĐU`,
            before: "probationary",
            after: "full",
          });
      }

      const roll = role === "member" && k >= 2 ? random.next() : 1;
      const other = cells.length > 1 ? (cells[random.int(0, cells.length - 1)] as PlanCell) : cell;
      if (roll < 0.03 && other.id !== cell.id) {
        // Transferred in from another cell of the province.
        const firstStart = Math.max(admittedDays, toDays(other.validFrom));
        const earliest = Math.max(firstStart, cellFromDays) + 1;
        if (earliest < todayDays) {
          const moved = random.int(earliest, todayDays - 1);
          addCellRow(index, other.id, toIso(firstStart), toIso(moved), null);
          const event = addEvent(index, "transfer_internal", toIso(moved), {
            from: other.id,
            to: cell.id,
            note: "Chuyển sinh hoạt đảng chính thức trong tỉnh",
            before: status,
            after: status,
          });
          cellStart = moved;
          addCellRow(index, cell.id, toIso(moved), null, event);
        } else addCellRow(index, cell.id, toIso(cellStart), null, null);
      } else if (roll < 0.036 && !probationary && fullMemberOn) {
        // Deceased or struck off: the cell row is closed on that day.
        const earliest = Math.max(toDays(fullMemberOn), cellStart) + 1;
        if (earliest < todayDays) {
          const day = toIso(random.int(earliest, todayDays - 1));
          const deceased = roll < 0.0345 || age >= 70;
          status = deceased ? "deceased" : "name_deleted";
          statusSince = day;
          addCellRow(index, cell.id, toIso(cellStart), day, null);
          addEvent(index, deceased ? "death" : "name_deletion", day, {
            note: deceased ? "Từ trần" : "Xóa tên trong danh sách đảng viên do bỏ sinh hoạt đảng",
            before: "full",
            after: status,
          });
        } else addCellRow(index, cell.id, toIso(cellStart), null, null);
      } else addCellRow(index, cell.id, toIso(cellStart), null, null);

      // Badges for years of membership (Huy hiệu 30, 40, … năm tuổi Đảng).
      let awards: string | null = null;
      const years = yearsBetween(
        admittedOn,
        status === "full" || status === "probationary" ? today : statusSince,
      );
      const badge = BADGE_YEARS.find((y) => years >= y);
      if (badge !== undefined && random.chance(0.95)) awards = `Huy hiệu ${badge} năm tuổi Đảng`;
      const discipline =
        role === "member" && fullMemberOn && random.chance(0.002)
          ? `Khiển trách (${random.int(Number(fullMemberOn.slice(0, 4)), Number(today.slice(0, 4)))})`
          : null;

      m.orgId.push(cell.id);
      m.fullName.push(fullName);
      m.searchKey.push(nameKeys[0]);
      m.sortKey.push(nameKeys[1]);
      m.sex.push(sex);
      m.birthDate.push(birthDate);
      m.birthPlace.push(birthPlace);
      m.homeTown.push(homeTown);
      m.ethnicity.push(weighted(random, ethnicities));
      m.religion.push(weighted(random, RELIGION));
      m.citizenId.push(citizenId);
      m.cardNumber.push(cardNumber);
      m.admittedOn.push(admittedOn);
      m.fullMemberOn.push(fullMemberOn);
      m.educationGeneral.push(educationGeneral);
      m.educationProfessional.push(educationProfessional);
      m.theoryLevel.push(theoryLevel);
      m.occupation.push(occupation);
      m.status.push(status);
      m.statusSince.push(statusSince);
      m.activity.push(activity);
      m.awards.push(awards);
      m.discipline.push(discipline);

      // Posts, held from the later of the cell's start, the member's arrival and the 2025 congresses.
      const postStart = (from: number) => toIso(Math.min(todayDays, Math.max(from, cellStart)));
      if (role === "cell_secretary") {
        addPost(index, "bi_thu_chi_bo", cell.id, null, postStart(toDays("2025-05-15") + random.int(-45, 45)));
        if (kind === "residential" && random.chance(0.3))
          addPost(
            index,
            "truong_thon",
            null,
            cell.name.replace(/^Chi bộ /, ""),
            postStart(toDays("2024-12-01")),
          );
      } else if (role === "commune_secretary" && commune) {
        const from = postStart(toDays(commune.validFrom));
        addPost(index, "bi_thu", commune.id, commune.name, from);
        // After 2025 the commune secretary usually also chairs the People's Council.
        if (random.chance(0.6))
          addPost(index, "chu_tich_hdnd", null, `Hội đồng nhân dân ${placeOf(commune.name)}`, from);
      } else if (role === "commune_deputy" && commune) {
        const from = postStart(toDays(commune.validFrom));
        addPost(index, "pho_bi_thu", commune.id, commune.name, from);
        addPost(index, "chu_tich_ubnd", null, `Ủy ban nhân dân ${placeOf(commune.name)}`, from);
      } else if (options.posts && k === 1 && size >= 12 && !probationary) {
        addPost(index, "pho_bi_thu_chi_bo", cell.id, null, postStart(toDays("2025-05-15")));
      }
    }
  });
  return plan;
}
