// The full-text search vector of a document (documents.search_tsv), written from the row and its text
// after every change. Weight A: the symbol in the forms people type it ("21-KL/TW", "21-KL", "KL/TW 21",
// "số 21", "05-QC/BTCTU" for one of the joint issuers, "5-QC/BTCTU", "30/2020"), the named citation
// and the subject (trích yếu); weight B: the type's name ("kết luận 21"); weight D: the body text.
// Everything is folded by unaccent before parsing, so symbols with Đ ("30/2020/NĐ-CP", "QĐ") become
// the same single tokens as the diacritic-free text people type ("30/2020/nd-cp").
import type { Kysely, RawBuilder, Transaction } from "kysely";
import { sql } from "kysely";
import type { Database } from "../../db/schema.ts";

export type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Characters of the body that are indexed. A tsvector holds at most 1 MB and positions up to 16,383;
 * a 200-page plan is about 600,000 characters and its vector is far below the limit (Vietnamese
 * syllables repeat, and a word keeps at most 256 positions), but a pathological text (a long table
 * of codes, every token distinct) is not: 95,000 codes in 950,000 characters make 1.1 MB.
 * Past this prefix words are not searchable.
 */
export const SEARCH_BODY_MAX_CHARS = 1_000_000;

/**
 * The prefixes tried, longest first, when a body's vector would pass 1 MB: 300,000 characters of the
 * densest plain text (every one-to-four-letter token once) make 836 KB; tokens the parser splits into
 * several lexemes (hosts and paths) can pass even that, and then only the head is indexed. The full
 * text stays stored and readable; only the search of its tail is lost.
 */
export const SEARCH_BODY_FALLBACK_CHARS: readonly number[] = [300_000, 0];

/** PostgreSQL's program_limit_exceeded: "string is too long for tsvector". */
const PG_PROGRAM_LIMIT_EXCEEDED = "54000";

/**
 * Forms of the symbol and number, one per word group, so a query's phrase ("21-KL" is 21 <-> kl)
 * meets adjacent tokens in at least one of them.
 */
function symbolVariantsSql(alias: string): RawBuilder<string> {
  const symbol = sql.ref(`${alias}.symbol`);
  const number = sql.ref(`${alias}.number`);
  const type = sql.ref(`${alias}.type_abbreviation`);
  const issuers = sql.ref(`${alias}.issuer_codes`);
  const system = sql.ref(`${alias}.system`);
  return sql<string>`concat_ws(' ',
    ${symbol},
    'so ' || ${symbol},
    translate(${symbol}, '-/', '  '),
    ${number},
    CASE WHEN ${system} = 'party' AND ${number} ~ '^[0-9]+$' THEN (
      SELECT string_agg(DISTINCT k.n || '-' || ${type} || '/' || i.issuer, ' ')
      FROM unnest(${issuers}) AS i(issuer), unnest(ARRAY[${number}, ltrim(${number}, '0')]) AS k(n)
    ) END)`;
}

/**
 * The search vector of the `documents` row aliased `alias`, as an SQL expression (reads the type's
 * name and the body text by subqueries). Usable in any UPDATE of documents, e.g. a bulk load:
 * `UPDATE documents d SET search_tsv = ${documentSearchVectorSql("d")} WHERE d.id BETWEEN …`.
 */
export function documentSearchVectorSql(
  alias: string,
  bodyChars: number = SEARCH_BODY_MAX_CHARS,
): RawBuilder<string> {
  const id = sql.ref(`${alias}.id`);
  const typeId = sql.ref(`${alias}.type_id`);
  const head = sql`concat_ws(' ', ${symbolVariantsSql(alias)}, ${sql.ref(`${alias}.citation`)}, ${sql.ref(`${alias}.subject`)})`;
  const typeName = sql`(SELECT t.name_vi FROM document_types t WHERE t.id = ${typeId})`;
  const body = sql`(SELECT left(b.body, ${sql.lit(bodyChars)}) FROM document_texts b WHERE b.document_id = ${id})`;
  const vector = (text: RawBuilder<unknown>, weight: "A" | "B" | "D") =>
    sql`setweight(to_tsvector('namro_vi', unaccent(coalesce(${text}, ''))), ${sql.lit(weight)})`;
  return sql<string>`(${vector(head, "A")} || ${vector(typeName, "B")} || ${vector(body, "D")})`;
}

/** Rewrites one document's search vector from its current row and text (call after every write). */
export async function refreshSearchVector(executor: Executor, documentId: number): Promise<void> {
  await refreshSearchVectors(executor, [documentId]);
}

/**
 * The same for many documents in one statement (imports, bulk loads: pass batches of a few thousand).
 * A body whose vector would pass PostgreSQL's 1 MB limit is indexed by a shorter prefix (the batch
 * is written again with it), inside a savepoint when the caller's transaction must survive the try.
 */
export async function refreshSearchVectors(
  executor: Executor,
  documentIds: readonly number[],
): Promise<void> {
  if (documentIds.length === 0) return;
  const ids = [...documentIds];
  const prefixes = [SEARCH_BODY_MAX_CHARS, ...SEARCH_BODY_FALLBACK_CHARS];
  for (const [index, bodyChars] of prefixes.entries()) {
    const update = sql`UPDATE documents d SET search_tsv = ${documentSearchVectorSql("d", bodyChars)}
      WHERE d.id = ANY(${ids}::bigint[])`;
    if (index === prefixes.length - 1) {
      await update.execute(executor);
      return;
    }
    try {
      await attempt(executor, update);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== PG_PROGRAM_LIMIT_EXCEEDED) throw error;
    }
  }
}

/** Runs a statement that may fail without aborting the caller's transaction. */
async function attempt(executor: Executor, statement: RawBuilder<unknown>): Promise<void> {
  if (!executor.isTransaction) {
    await statement.execute(executor);
    return;
  }
  await sql`SAVEPOINT search_vector`.execute(executor);
  try {
    await statement.execute(executor);
  } catch (error) {
    await sql`ROLLBACK TO SAVEPOINT search_vector`.execute(executor);
    throw error;
  }
  await sql`RELEASE SAVEPOINT search_vector`.execute(executor);
}
