-- Member name search at national scale (5.6 million members). A name query matches where a word of
-- the name starts: "quang" finds "Bùi Ngọc Quang", "nguyen kim" finds "Nguyễn Kim Quang Anh", "kim qu"
-- finds it too. The trigram index answered that as a substring, but common syllables ("nguyen",
-- "quang") have posting lists of millions of rows, so every search decoded them (~100 ms each).
--
-- Instead, each name is indexed by its word suffixes ("nguyen kim quang", "kim quang", "quang") as
-- tsvector lexemes (array_to_tsvector: no parsing, spaces kept), and a query is the prefix lexeme
-- 'nguyen kim':* — GIN answers it by a range scan of its sorted keys, reading only the rows that
-- match. Empty words (a stray double space) are skipped: a tsvector may not hold an empty lexeme.
-- No column: the function is immutable, so every writer of members is covered by the index.
CREATE OR REPLACE FUNCTION member_name_starts(key text) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT array_to_tsvector(array_agg(array_to_string(w[i:], ' ')))
      FROM (SELECT array_remove(string_to_array(key, ' '), '') AS w) s, generate_subscripts(s.w, 1) AS i $$;

CREATE INDEX IF NOT EXISTS members_name_starts ON members USING gin (member_name_starts(search_key));

-- A common name ("quang", 2% of members) has more matches than the list counts (1,000): walking the
-- names in order and stopping at the cap is then cheaper than reading every match. The walk checks
-- the name, the status and the cell on each entry, so the index carries them and the table is not
-- read (an index-only scan). It replaces members_sort (same key, so every ORDER BY sort_key, id
-- still rides it).
CREATE INDEX IF NOT EXISTS members_sort_cover ON members (sort_key, id) INCLUDE (search_key, status, org_id);
DROP INDEX IF EXISTS members_sort;

-- The trigram index of 0006 no longer serves any query (name matching goes through members_name_starts,
-- prefixes through members_search_prefix); it only slowed every insert of members.
DROP INDEX IF EXISTS members_search_trgm;
