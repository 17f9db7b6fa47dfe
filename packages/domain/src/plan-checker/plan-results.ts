// What a task is to do and to hand over. The job is its action verbs: concrete ones ("xây dựng",
// "kiểm tra", "kết nạp") say what to do; "tăng cường", "đẩy mạnh", "nâng cao" alone do not. The result is
// a product named after a producing verb ("ban hành kế hoạch", "báo cáo kết quả", "xây dựng đề án") or a
// countable target ("100% chi bộ", "kết nạp 50 đảng viên"); "nâng cao chất lượng" promises a result
// without naming one.

import {
  CONCRETE_VERBS,
  COUNTING_VERBS,
  NOMINALISERS,
  PRODUCING_VERBS,
  PRODUCT_NOUNS,
  PRODUCT_QUALIFIERS,
  VAGUE_RESULTS,
  VAGUE_VERBS,
} from "./plan-vocabulary.ts";
import { matchAt, matchBefore, type PlanWord, phraseSet, startsClause } from "./plan-words.ts";

export interface Span {
  text: string;
  start: number;
  end: number;
}

export interface Target {
  value: number;
  /** "đảng viên", "chi bộ", "lần"; "%" targets name what the share is of. */
  unit: string;
  percent: boolean;
}

export interface ResultFinding extends Span {
  kind: "product" | "target";
  target: Target | null;
}

export interface JobFindings {
  concrete: Span[];
  vague: Span[];
}

const CONCRETE = phraseSet(CONCRETE_VERBS);
const VAGUE = phraseSet(VAGUE_VERBS);
const NOMINAL = phraseSet(NOMINALISERS);
const PRODUCTS = phraseSet(PRODUCT_NOUNS);
const PRODUCING = phraseSet(PRODUCING_VERBS);
const QUALIFIERS = phraseSet([...PRODUCT_QUALIFIERS, ...PRODUCT_NOUNS]);
const RESULT_LABELS = phraseSet(["san pham", "ket qua", "san pham du kien"]);
const COUNTING = phraseSet(COUNTING_VERBS);
const VAGUE_RESULT = phraseSet(VAGUE_RESULTS);
const SPELLED_COUNTS: Readonly<Record<string, number>> = { mot: 1, hai: 2, ba: 3, bon: 4, nam: 5 };
const MAX_UNIT_WORDS = 5;
/** Words after which the counted thing has been named: "một lần trong quý", "100% chi bộ hoàn thành". */
const UNIT_STOPS = new Set([
  "dinh",
  "hang",
  "thuong",
  "truoc",
  "cham",
  "vao",
  "kip",
  "trong",
  "tai",
  "ve",
  "cua",
  "theo",
  "de",
  "nham",
  "den",
  "tro",
  "va",
  "hoac",
  "voi",
  "duoc",
  "la",
]);

function spanOf(input: string, words: readonly PlanWord[], from: number, to: number): Span {
  const start = (words[from] as PlanWord).start;
  const end = (words[to - 1] as PlanWord).end;
  return { text: input.slice(start, end), start, end };
}

const GENERIC_ACTIONS = phraseSet(["thuc hien", "trien khai", "to chuc thuc hien"]);
const GENERIC_OBJECTS = new Set(["tot", "nghiem", "ke"]);

/** "thực hiện tốt Kế hoạch", "quan tâm thực hiện.": carrying out, with nothing said about what. */
function isGenericAction(words: readonly PlanWord[], i: number, length: number): boolean {
  if (matchAt(words, i, GENERIC_ACTIONS) !== length) return false;
  const next = words[i + length];
  return next === undefined || next.kind === "mark" || GENERIC_OBJECTS.has(next.key);
}

/** Action verbs in lower case (capitalised ones name units: "Ủy ban Kiểm tra"), not used as nouns. */
export function findJob(
  input: string,
  words: readonly PlanWord[],
  skip: (index: number) => boolean,
): JobFindings {
  const concrete: Span[] = [];
  const vague: Span[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as PlanWord;
    if (skip(i) || (word.capital && !startsClause(words, i))) continue;
    if (matchBefore(words, i, NOMINAL) > 0) continue;
    const vagueLength = matchAt(words, i, VAGUE);
    const concreteLength = matchAt(words, i, CONCRETE);
    if (concreteLength > 0 && concreteLength >= vagueLength && isGenericAction(words, i, concreteLength)) {
      vague.push(spanOf(input, words, i, i + concreteLength));
      i += concreteLength - 1;
    } else if (concreteLength > 0 && concreteLength >= vagueLength) {
      concrete.push(spanOf(input, words, i, i + concreteLength));
      i += concreteLength - 1;
    } else if (vagueLength > 0) {
      vague.push(spanOf(input, words, i, i + vagueLength));
      i += vagueLength - 1;
    }
  }
  return { concrete, vague };
}

/** The words after a count that say what is counted: "đảng viên mới", "chi bộ". */
function countedUnit(words: readonly PlanWord[], from: number): number {
  let k = from;
  while (k < words.length && k - from < MAX_UNIT_WORDS) {
    const word = words[k] as PlanWord;
    if (word.kind !== "word" || word.capital || UNIT_STOPS.has(word.key)) break;
    if (k > from && (matchAt(words, k, CONCRETE) > 0 || matchAt(words, k, VAGUE) > 0)) break;
    k++;
  }
  return k;
}

function targetAt(input: string, words: readonly PlanWord[], i: number): ResultFinding | null {
  const word = words[i] as PlanWord;
  // "100% chi bộ", "90% tổ chức cơ sở đảng"
  if (word.kind === "number" && words[i + 1]?.key === "%") {
    const to = countedUnit(words, i + 2);
    const unit = to > i + 2 ? spanOf(input, words, i + 2, to).text : "";
    const value = Number(word.key.replace(",", "."));
    return { ...spanOf(input, words, i, to), kind: "target", target: { value, unit, percent: true } };
  }
  // "kết nạp 50 đảng viên", "ít nhất một lần"
  const verb = matchAt(words, i, COUNTING);
  if (verb === 0) return null;
  let k = i + verb;
  const qualifier = matchAt(words, k, COUNTING);
  if (qualifier > 0) k += qualifier;
  const count = words[k];
  // "1.200 đảng viên": dots group thousands
  const value =
    count?.kind === "number" && /^\d{1,3}(?:\.\d{3})*$|^\d{1,6}$/.test(count.key)
      ? Number(count.key.replaceAll(".", ""))
      : count
        ? SPELLED_COUNTS[count.key]
        : undefined;
  if (
    value === undefined ||
    words[k + 1]?.key === "%" ||
    words[k + 1]?.key === "thang" ||
    words[k + 1]?.key === "nam"
  )
    return null;
  const to = countedUnit(words, k + 1);
  if (to === k + 1) return null;
  return {
    ...spanOf(input, words, i, to),
    kind: "target",
    target: { value, unit: spanOf(input, words, k + 1, to).text, percent: false },
  };
}

function productAt(
  input: string,
  words: readonly PlanWord[],
  i: number,
  skip: (index: number) => boolean,
): ResultFinding | null {
  const length = matchAt(words, i, PRODUCTS);
  if (length === 0 || skip(i)) return null;
  const word = words[i] as PlanWord;
  const clauseFirst = startsClause(words, i);
  const verb = matchBefore(words, i, PRODUCING);
  // A capitalised name mid-sentence cites a document ("thực hiện Kết luận"), unless a producing verb makes
  // it ("xây dựng Đề án chuyển đổi số").
  if (word.capital && !clauseFirst && verb === 0) return null;
  const after = words[i + length]?.key;
  // "Kế hoạch này", "Kế hoạch số 12", "kế hoạch trên" name a document already there ("sơ kết" is not "số")
  if (after === "nay" || after === "tren" || (after === "so" && words[i + length + 1]?.kind === "number"))
    return null;
  // "Sản phẩm: thông báo kết luận" names the product whatever the verb
  const labelled = words[i - 1]?.key === ":" && matchBefore(words, i - 1, RESULT_LABELS) > 0;
  const isReport = words[i]?.key === "bao" && length === 2;
  if (verb === 0 && !isReport && !labelled) return null;
  let to = i + length;
  for (let extra = 0; extra < 2; extra++) {
    const qualifier = matchAt(words, to, QUALIFIERS);
    if (qualifier === 0 || words[to]?.capital) break;
    to += qualifier;
  }
  // what the product is about, in lower case: "chính sách thu hút chuyên gia", "đề án chuyển đổi số tỉnh"
  to = countedUnit(words, to);
  return { ...spanOf(input, words, i - verb, to), kind: "product", target: null };
}

/** Products and targets, in order. */
export function findResults(
  input: string,
  words: readonly PlanWord[],
  skip: (index: number) => boolean,
): ResultFinding[] {
  const found: ResultFinding[] = [];
  for (let i = 0; i < words.length; i++) {
    if (skip(i)) continue;
    const result = targetAt(input, words, i) ?? productAt(input, words, i, skip);
    if (result) {
      found.push(result);
      while (i + 1 < words.length && (words[i + 1] as PlanWord).start < result.end) i++;
    }
  }
  return found;
}

/** Words that promise a result without naming one ("nâng cao chất lượng"). */
export function findVagueResults(input: string, words: readonly PlanWord[]): Span[] {
  const found: Span[] = [];
  for (let i = 0; i < words.length; i++) {
    const length = matchAt(words, i, VAGUE_RESULT);
    if (length > 0) {
      found.push(spanOf(input, words, i, i + length));
      i += length - 1;
    }
  }
  return found;
}
