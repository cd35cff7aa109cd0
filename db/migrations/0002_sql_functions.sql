-- Text and number helpers shared by the scoring compiler and mirrored in lib/scoring/text.ts.
-- Case folding is explicit (A-Z and the Latin-1 capitals) so it does not depend on the
-- server's locale: PGlite and every PostgreSQL install fold the same way as the evaluator.
CREATE OR REPLACE FUNCTION accord_fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT translate(value,
  'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞŒŸ',
  'abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþœÿ') $$;
--> statement-breakpoint
-- A number written as plain decimal text ("42", "-3.5"), else NULL: never a cast error.
CREATE OR REPLACE FUNCTION accord_num(value text) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN value ~ '^-?[0-9]+(\.[0-9]+)?$' THEN value::numeric END $$;
--> statement-breakpoint
-- A JSON scalar (string, number, boolean) at a path as text; objects, arrays and null give NULL.
CREATE OR REPLACE FUNCTION accord_json_text(doc jsonb, path text[]) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN jsonb_typeof(doc #> path) IN ('string', 'number', 'boolean') THEN doc #>> path END $$;
