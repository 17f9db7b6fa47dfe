// The import wizard's place in the address: which import, and which step after reading.
export interface ImportSearch {
  id?: number;
  step?: "mapping" | "preview";
}

export function validateImportSearch(search: Record<string, unknown>): ImportSearch {
  const id = Number(search.id);
  const out: ImportSearch = {};
  if (Number.isInteger(id) && id > 0) out.id = id;
  if (search.step === "mapping" || search.step === "preview") out.step = search.step;
  return out;
}
