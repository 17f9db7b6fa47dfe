// Plans a synthetic province as a flat list of organisations (parents before children), without
// touching the database: the same plan feeds the demo seed and the bulk seeder. Deterministic: every
// commune draws from its own seeded stream, so one commune's shape never shifts another's.
import { createRandom, type Random } from "./random.ts";
import {
  COMMUNE_CELL_UNITS,
  COMPANY_CELLS,
  COMPANY_WORDS,
  GOVERNMENT_AGENCY_UNITS,
  HOSPITAL_CELLS,
  PARTY_AGENCY_UNITS,
  PLACE_FIRST,
  PLACE_SECOND,
  type ProvinceDef,
  provincialCommitteeName,
  SCHOOL_CELLS,
  VILLAGES,
} from "./vietnamese-names.ts";

export interface PlannedOrg {
  code: string;
  name: string;
  typeCode: string;
  /** Index of the parent in the same plan; null for an organisation placed under the plan's anchor. */
  parent: number | null;
  validFrom: string;
}

export type Range = readonly [min: number, max: number];

/** How dense a province is: numbers drawn per commune and per grassroots committee. */
export interface Density {
  villageCells: Range;
  grassrootsCells: Range;
  grassrootsCommittees: Range;
  committeeCells: Range;
  /** Grassroots committees under each provincial agency committee (besides the listed cells). */
  agencyCommittees: number;
}

export const DEMO_DENSITY: Density = {
  villageCells: [13, 21],
  grassrootsCells: [3, 5],
  grassrootsCommittees: [0, 1],
  committeeCells: [3, 5],
  agencyCommittees: 2,
};

/** ~110 organisations per commune: 3,300 communes give ~60k grassroots units and ~300k cells. */
export const NATIONAL_DENSITY: Density = {
  villageCells: [45, 65],
  grassrootsCells: [13, 17],
  grassrootsCommittees: [2, 4],
  committeeCells: [10, 14],
  agencyCommittees: 6,
};

export interface CommuneDef {
  name: string;
  kind: "xa" | "phuong" | "dac_khu";
}

export interface ProvincePlanOptions {
  province: ProvinceDef;
  communes: readonly CommuneDef[];
  density: Density;
  /** When the provincial committee and its departments began. */
  rootValidFrom: string;
  /** When the two provincial agency committees were formed (bloc committees abolished). */
  agenciesValidFrom: string;
  /** When the commune-level committees (and everything under them) were formed. */
  communesValidFrom: string;
}

export const COMMUNE_KIND_WORD: Record<CommuneDef["kind"], string> = {
  xa: "xã",
  phuong: "phường",
  dac_khu: "đặc khu",
};

export function communeCommitteeName(commune: CommuneDef): string {
  return `Đảng ủy ${COMMUNE_KIND_WORD[commune.kind]} ${commune.name}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** The i-th item of a list, numbered (" 2", " 3", …) once the list is used up, so names stay unique. */
function cycled(
  items: readonly string[],
  index: number,
  format: (item: string, round: number) => string,
): string {
  const item = items[index % items.length] as string;
  return format(item, Math.floor(index / items.length) + 1);
}

export class ProvincePlan {
  readonly orgs: PlannedOrg[] = [];
  /** Index of each commune committee in `orgs`, in the order of `communes`. */
  readonly communeIndexes: number[] = [];

  add(org: PlannedOrg): number {
    this.orgs.push(org);
    return this.orgs.length - 1;
  }
}

function addGrassrootsCommittee(
  plan: ProvincePlan,
  random: Random,
  parent: number,
  code: string,
  name: string,
  cellNames: readonly string[],
  cells: number,
  validFrom: string,
): void {
  const index = plan.add({ code, name, typeCode: "dang_uy_co_so", parent, validFrom });
  const offset = random.int(0, cellNames.length - 1);
  for (let c = 0; c < cells; c++) {
    plan.add({
      code: `${code}-${pad(c + 1)}`,
      name: cycled(cellNames, c + offset, (item, round) => (round > 1 ? `${item} ${round}` : item)),
      typeCode: "chi_bo_truc_thuoc",
      parent: index,
      validFrom,
    });
  }
}

function planAgencies(plan: ProvincePlan, options: ProvincePlanOptions, root: number): void {
  const { province, density, agenciesValidFrom: validFrom } = options;
  const random = createRandom(`${province.code}/agencies`);
  const agencies = [
    {
      code: `${province.code}-CQD`,
      name: "Đảng ủy các cơ quan Đảng tỉnh",
      units: PARTY_AGENCY_UNITS,
      committees: [
        `Đảng ủy cơ sở Báo và Phát thanh, Truyền hình ${province.name}`,
        "Đảng ủy cơ sở Trường Chính trị tỉnh",
      ],
    },
    {
      code: `${province.code}-UBND`,
      name: "Đảng ủy Ủy ban nhân dân tỉnh",
      units: GOVERNMENT_AGENCY_UNITS,
      committees: [
        "Đảng ủy cơ sở Sở Y tế",
        "Đảng ủy cơ sở Sở Giáo dục và Đào tạo",
        "Đảng ủy cơ sở Bệnh viện Đa khoa tỉnh",
      ],
    },
  ];
  for (const agency of agencies) {
    const index = plan.add({
      code: agency.code,
      name: agency.name,
      typeCode: "dang_uy_co_quan",
      parent: root,
      validFrom,
    });
    let n = 0;
    for (const unit of agency.units) {
      plan.add({
        code: `${agency.code}-${pad(++n)}`,
        name: unit,
        typeCode: "chi_bo_co_so",
        parent: index,
        validFrom,
      });
    }
    const committees = Math.max(density.agencyCommittees, agency.committees.length);
    for (let k = 0; k < committees; k++) {
      const name = cycled(agency.committees, k, (item, round) => (round > 1 ? `${item} ${round}` : item));
      const cellNames = name.includes("Bệnh viện") || name.includes("Y tế") ? HOSPITAL_CELLS : COMPANY_CELLS;
      addGrassrootsCommittee(
        plan,
        random,
        index,
        `${agency.code}-${pad(++n)}`,
        name,
        cellNames,
        random.int(density.committeeCells[0], density.committeeCells[1]),
        validFrom,
      );
    }
  }
}

/** Plans one commune committee with its grassroots units and cells. */
export function planCommune(
  plan: ProvincePlan,
  options: Pick<ProvincePlanOptions, "province" | "density">,
  commune: CommuneDef,
  code: string,
  parent: number,
  validFrom: string,
): number {
  const { density } = options;
  const random = createRandom(`${options.province.code}/${code}/${commune.name}`);
  const index = plan.add({
    code,
    name: communeCommitteeName(commune),
    typeCode: "dang_uy_xa",
    parent,
    validFrom,
  });
  let n = 0;
  const units = random.int(density.grassrootsCells[0], density.grassrootsCells[1]);
  const unitOffset = random.int(0, COMMUNE_CELL_UNITS.length - 1);
  for (let u = 0; u < units; u++) {
    const template = cycled(COMMUNE_CELL_UNITS, u + unitOffset, (item, round) =>
      round > 1 ? `${item} số ${round}` : item,
    );
    plan.add({
      code: `${code}-${pad(++n)}`,
      name: template.replace("{commune}", commune.name),
      typeCode: "chi_bo_co_so",
      parent: index,
      validFrom,
    });
  }
  const committees = random.int(density.grassrootsCommittees[0], density.grassrootsCommittees[1]);
  for (let k = 0; k < committees; k++) {
    const school = k % 2 === 1;
    const name = school
      ? `Đảng ủy cơ sở Trường THPT ${commune.name}${k > 1 ? ` số ${Math.ceil(k / 2)}` : ""}`
      : `Đảng ủy cơ sở Công ty Cổ phần ${random.pick(COMPANY_WORDS)} ${commune.name}${k > 0 ? ` ${k + 1}` : ""}`;
    addGrassrootsCommittee(
      plan,
      random,
      index,
      `${code}-${pad(++n)}`,
      name,
      school ? SCHOOL_CELLS : COMPANY_CELLS,
      random.int(density.committeeCells[0], density.committeeCells[1]),
      validFrom,
    );
  }
  const villages = random.int(density.villageCells[0], density.villageCells[1]);
  const villageOffset = random.int(0, VILLAGES.length - 1);
  for (let v = 0; v < villages; v++) {
    const name =
      commune.kind === "phuong"
        ? `Chi bộ khu phố ${v + 1}`
        : cycled(
            VILLAGES,
            v + villageOffset,
            (item, round) => `Chi bộ thôn ${item}${round > 1 ? ` ${round}` : ""}`,
          );
    plan.add({ code: `${code}-${pad(++n)}`, name, typeCode: "chi_bo_truc_thuoc", parent: index, validFrom });
  }
  return index;
}

/** The provincial committee, its departments, the two agency committees and every commune. */
export function planProvince(options: ProvincePlanOptions): ProvincePlan {
  const { province } = options;
  const plan = new ProvincePlan();
  const root = plan.add({
    code: province.code,
    name: provincialCommitteeName(province),
    typeCode: "tinh_uy",
    parent: null,
    validFrom: options.rootValidFrom,
  });
  const unitWord = province.city ? "Thành ủy" : "Tỉnh ủy";
  const departments = [
    ["VP", `Văn phòng ${unitWord}`, "van_phong", options.rootValidFrom],
    ["BTC", `Ban Tổ chức ${unitWord}`, "ban_to_chuc", options.rootValidFrom],
    ["UBKT", `Ủy ban Kiểm tra ${unitWord}`, "uy_ban_kiem_tra", options.rootValidFrom],
    // Formed in 2025 from the Propaganda and the Mass Mobilisation commissions.
    ["BTGDV", `Ban Tuyên giáo và Dân vận ${unitWord}`, "ban_tuyen_giao_dan_van", options.agenciesValidFrom],
  ] as const;
  for (const [suffix, name, typeCode, validFrom] of departments) {
    plan.add({ code: `${province.code}-${suffix}`, name, typeCode, parent: root, validFrom });
  }
  planAgencies(plan, options, root);
  options.communes.forEach((commune, i) => {
    plan.communeIndexes.push(
      planCommune(
        plan,
        options,
        commune,
        `${province.code}-${pad(i + 1, 3)}`,
        root,
        options.communesValidFrom,
      ),
    );
  });
  return plan;
}

/** Plausible, unique commune names for a province of the bulk data, with its special zones first. */
export function generateCommunes(province: ProvinceDef): CommuneDef[] {
  const random = createRandom(`${province.code}/communes`);
  const zones = province.specialZones ?? [];
  const communes: CommuneDef[] = zones.map((name) => ({ name, kind: "dac_khu" }));
  const used = new Set<string>([province.name, ...zones]);
  const candidates = random.shuffle(
    PLACE_FIRST.flatMap((a) => PLACE_SECOND.filter((b) => b !== a).map((b) => `${a} ${b}`)),
  );
  const wardShare = province.city ? 0.7 : 0.2;
  for (const name of candidates) {
    if (communes.length >= province.communes) break;
    if (used.has(name)) continue;
    used.add(name);
    communes.push({ name, kind: random.chance(wardShare) ? "phuong" : "xa" });
  }
  return communes;
}
