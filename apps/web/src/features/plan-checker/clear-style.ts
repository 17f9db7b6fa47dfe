// How each clear is marked in the text: a colour and an underline style of its own, and its number in
// the set written after the words (never colour alone).
export const CLEAR_MARKS = [
  { color: "#bae0ff", line: "solid" },
  { color: "#efdbff", line: "dashed" },
  { color: "#ffe7ba", line: "dotted" },
  { color: "#d9f7be", line: "double" },
  { color: "#ffd6e7", line: "wavy" },
] as const;

export function clearMark(index: number) {
  return CLEAR_MARKS[index % CLEAR_MARKS.length] as (typeof CLEAR_MARKS)[number];
}

export const GRADE_COLORS = { present: "success", weak: "warning", missing: "error" } as const;
