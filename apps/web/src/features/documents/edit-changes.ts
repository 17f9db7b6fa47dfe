// What an edit changed, and how two people's edits of the same document combine. Only the fields the
// person actually changed are sent, so a save never puts back values someone else changed meanwhile;
// on a version conflict only the fields BOTH changed (to different values) need a choice.

type Fields = Readonly<Record<string, unknown>>;

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The fields whose value in `current` differs from `base`, in `base`'s key order. */
export function changedFields<T extends Fields>(base: T, current: T): (keyof T & string)[] {
  return (Object.keys(base) as (keyof T & string)[]).filter(
    (field) => !sameValue(base[field], current[field]),
  );
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
 * `opened`: the document when the form opened; `mine`: the form now; `theirs`: the document as saved
 * by someone else. Fields only I changed keep my value; fields only they changed take theirs.
 */
export function resolveConflict<T extends Fields>(opened: T, mine: T, theirs: T): ConflictResolution<T> {
  const conflicting: (keyof T & string)[] = [];
  const takeTheirs: (keyof T & string)[] = [];
  for (const field of Object.keys(opened) as (keyof T & string)[]) {
    const iChanged = !sameValue(opened[field], mine[field]);
    const theyChanged = !sameValue(opened[field], theirs[field]);
    if (!theyChanged || sameValue(mine[field], theirs[field])) continue;
    if (iChanged) conflicting.push(field);
    else takeTheirs.push(field);
  }
  return { conflicting, takeTheirs };
}
