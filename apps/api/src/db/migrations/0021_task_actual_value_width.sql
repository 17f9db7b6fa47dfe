-- A parent task's actual value is the sum of its children's (each up to 999,999,999,999.99), so it
-- can outgrow numeric(14, 2): the task keeps a wider column. A report's own value stays (14, 2),
-- the bound the contracts check.
ALTER TABLE tasks ALTER COLUMN actual_value TYPE numeric(20, 2);
