// What an edit changed, and how two people's edits of the same record combine. Only the fields the
// person actually changed are sent, so a save never puts back values someone else changed meanwhile;
// on a version conflict only the fields BOTH changed (to different values) need a choice.

type Fields = Readonly<Record<string, unknown>>;

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Every field any of the records has, in first-seen order: a field absent from one side may be set on another. */
function fieldsOf<T extends Fields>(...records: T[]): (keyof T & string)[] {
  return [...new Set(records.flatMap((record) => Object.keys(record)))] as (keyof T & string)[];
}

/** The fields whose value in `current` differs from `base`, in `base`'s key order (then `current`'s). */
export function changedFields<T extends Fields>(base: T, current: T): (keyof T & string)[] {
  return fieldsOf(base, current).filter((field) => !sameValue(base[field], current[field]));
}

/** The part of `current` that differs from `base`. */
export function changesOf<T extends Fields>(base: T, current: T): Partial<T> {
  const out: Partial<T> = {};
  for (const field of changedFields(base, current)) out[field] = current[field];
  return out;
}

export interface ConflictResolution<T> {
  /** Both changed the field, to different values: the person chooses. */
  conflicting: (keyof T & string)[];
  /** Only the other person changed the field: their value replaces the one in the form. */
  takeTheirs: (keyof T & string)[];
}

/**
 * `opened`: the record when the form opened; `mine`: the form now; `theirs`: the record as saved
 * by someone else. Fields only I changed keep my value; fields only they changed take theirs.
 */
export function resolveConflict<T extends Fields>(opened: T, mine: T, theirs: T): ConflictResolution<T> {
  const conflicting: (keyof T & string)[] = [];
  const takeTheirs: (keyof T & string)[] = [];
  for (const field of fieldsOf(opened, mine, theirs)) {
    const iChanged = !sameValue(opened[field], mine[field]);
    const theyChanged = !sameValue(opened[field], theirs[field]);
    if (!theyChanged || sameValue(mine[field], theirs[field])) continue;
    if (iChanged) conflicting.push(field);
    else takeTheirs.push(field);
  }
  return { conflicting, takeTheirs };
}
