-- Search for people and families by name, phone or email, case- and accent-insensitive
-- ("zoe" finds "Zoë"), answered from trigram indexes rather than a scan of every row.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
-- unaccent() is only STABLE (its dictionary could change), so an index cannot use it directly;
-- with the dictionary named, the same function is fixed for a given text.
CREATE OR REPLACE FUNCTION search_text(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;--> statement-breakpoint
-- A phone number as its digits, so "555 010" finds "+1 (555) 010-2030".
CREATE OR REPLACE FUNCTION search_digits(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT regexp_replace(value, '[^0-9]', '', 'g') $$;--> statement-breakpoint
CREATE INDEX "clients_search_idx" ON "clients" USING gin (search_text("first_name" || ' ' || "last_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "guardians_search_name_idx" ON "guardians" USING gin (search_text("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "guardians_search_email_idx" ON "guardians" USING gin (search_text(coalesce("email", '')) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "guardians_search_phone_idx" ON "guardians" USING gin (search_digits(coalesce("phone", '')) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "families_search_idx" ON "families" USING gin (search_text("name") gin_trgm_ops);
