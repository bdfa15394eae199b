CREATE TYPE "public"."ledger_entry_kind" AS ENUM('charge', 'discount', 'payment', 'refund', 'write_off', 'void', 'reopen', 'account_credit', 'account_credit_applied');--> statement-breakpoint
CREATE TABLE "account_credit_entries" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"family_id" uuid NOT NULL,
	"invoice_id" uuid,
	"amount" integer NOT NULL,
	"reason" text NOT NULL,
	"actor_user_id" text,
	CONSTRAINT "account_credit_entries_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "account_credit_entries_amount_not_zero" CHECK ("account_credit_entries"."amount" <> 0),
	CONSTRAINT "account_credit_entries_added_has_no_invoice" CHECK ("account_credit_entries"."amount" < 0 or "account_credit_entries"."invoice_id" is null)
);
--> statement-breakpoint
CREATE TABLE "invoice_runs" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"run_on" date NOT NULL,
	"issued" integer DEFAULT 0 NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "invoice_runs_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"family_id" uuid NOT NULL,
	"invoice_id" uuid,
	"kind" "ledger_entry_kind" NOT NULL,
	"amount" integer NOT NULL,
	"description" text NOT NULL,
	"actor_user_id" text,
	"occurred_on" date NOT NULL,
	"sequence" bigint GENERATED ALWAYS AS IDENTITY (sequence name "ledger_entries_sequence_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	CONSTRAINT "ledger_entries_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "refunds" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"amount" integer NOT NULL,
	"method" "payment_method" NOT NULL,
	"reason" text NOT NULL,
	"actor_user_id" text,
	"refunded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refunds_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "refunds_amount_positive" CHECK ("refunds"."amount" > 0),
	CONSTRAINT "refunds_reason_not_blank" CHECK (length(trim("refunds"."reason")) > 0)
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "invoice_issue_days_before" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "invoice_due_day" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "apply_account_credit_automatically" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "account_credit" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "period_start" date;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "period_end" date;--> statement-breakpoint
ALTER TABLE "account_credit_entries" ADD CONSTRAINT "account_credit_entries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_credit_entries" ADD CONSTRAINT "account_credit_entries_organization_id_family_id_families_organization_id_id_fk" FOREIGN KEY ("organization_id","family_id") REFERENCES "public"."families"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_credit_entries" ADD CONSTRAINT "account_credit_entries_organization_id_invoice_id_invoices_organization_id_id_fk" FOREIGN KEY ("organization_id","invoice_id") REFERENCES "public"."invoices"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_runs" ADD CONSTRAINT "invoice_runs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_organization_id_family_id_families_organization_id_id_fk" FOREIGN KEY ("organization_id","family_id") REFERENCES "public"."families"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_organization_id_invoice_id_invoices_organization_id_id_fk" FOREIGN KEY ("organization_id","invoice_id") REFERENCES "public"."invoices"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_organization_id_invoice_id_invoices_organization_id_id_fk" FOREIGN KEY ("organization_id","invoice_id") REFERENCES "public"."invoices"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_organization_id_payment_id_payments_organization_id_id_fk" FOREIGN KEY ("organization_id","payment_id") REFERENCES "public"."payments"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_organization_id_family_id_families_organization_id_id_fk" FOREIGN KEY ("organization_id","family_id") REFERENCES "public"."families"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_credit_entries_family_idx" ON "account_credit_entries" USING btree ("organization_id","family_id");--> statement-breakpoint
CREATE INDEX "account_credit_entries_invoice_idx" ON "account_credit_entries" USING btree ("organization_id","invoice_id");--> statement-breakpoint
CREATE INDEX "invoice_runs_day_idx" ON "invoice_runs" USING btree ("organization_id","run_on");--> statement-breakpoint
CREATE INDEX "ledger_entries_family_idx" ON "ledger_entries" USING btree ("organization_id","family_id","occurred_on","sequence");--> statement-breakpoint
CREATE INDEX "refunds_invoice_idx" ON "refunds" USING btree ("organization_id","invoice_id");--> statement-breakpoint
CREATE INDEX "refunds_payment_idx" ON "refunds" USING btree ("organization_id","payment_id");--> statement-breakpoint
-- Invoices written before billing periods: each subscription invoice is for the month of its
-- first line (what every writer issued until now).
UPDATE "invoices" i SET "period_start" = date_trunc('month', l."first_start")::date,
  "period_end" = (date_trunc('month', l."first_start") + interval '1 month')::date
FROM (SELECT "organization_id", "invoice_id", min("period_start") AS "first_start" FROM "invoice_lines" GROUP BY 1, 2) l
WHERE l."organization_id" = i."organization_id" AND l."invoice_id" = i."id" AND i."subscription_id" IS NOT NULL AND l."first_start" IS NOT NULL;--> statement-breakpoint
-- The ledger of what existed: every invoice's charge, discounts, payments, write-offs and voids.
INSERT INTO "ledger_entries" ("organization_id", "family_id", "invoice_id", "kind", "amount", "description", "occurred_on", "created_at")
SELECT "organization_id", "family_id", "id", 'charge', "subtotal", 'Invoice issued', "issued_on", "created_at" FROM "invoices";--> statement-breakpoint
INSERT INTO "ledger_entries" ("organization_id", "family_id", "invoice_id", "kind", "amount", "description", "occurred_on", "created_at")
SELECT d."organization_id", i."family_id", i."id", 'discount', -d."amount", 'Discount: ' || d."reason", (d."created_at" AT TIME ZONE o."time_zone")::date, d."created_at"
FROM "invoice_discounts" d JOIN "invoices" i ON i."organization_id" = d."organization_id" AND i."id" = d."invoice_id" JOIN "organizations" o ON o."id" = d."organization_id";--> statement-breakpoint
INSERT INTO "ledger_entries" ("organization_id", "family_id", "invoice_id", "kind", "amount", "description", "occurred_on", "created_at")
SELECT p."organization_id", p."family_id", p."invoice_id", 'payment', -p."amount", 'Payment (' || p."method" || ')', (p."received_at" AT TIME ZONE o."time_zone")::date, p."received_at"
FROM "payments" p JOIN "organizations" o ON o."id" = p."organization_id";--> statement-breakpoint
INSERT INTO "ledger_entries" ("organization_id", "family_id", "invoice_id", "kind", "amount", "description", "occurred_on", "created_at")
SELECT w."organization_id", w."family_id", w."invoice_id", 'write_off', -w."amount", 'Written off: ' || w."reason", (w."written_off_at" AT TIME ZONE o."time_zone")::date, w."written_off_at"
FROM "write_offs" w JOIN "organizations" o ON o."id" = w."organization_id";--> statement-breakpoint
INSERT INTO "ledger_entries" ("organization_id", "family_id", "invoice_id", "kind", "amount", "description", "occurred_on", "created_at")
SELECT i."organization_id", i."family_id", i."id", 'void',
  -(i."total" - coalesce((SELECT sum(w."amount") FROM "write_offs" w WHERE w."organization_id" = i."organization_id" AND w."invoice_id" = i."id"), 0)
    - coalesce((SELECT sum(p."amount") FROM "payments" p WHERE p."organization_id" = i."organization_id" AND p."invoice_id" = i."id"), 0)),
  'Invoice voided', i."issued_on", i."created_at"
FROM "invoices" i WHERE i."status" = 'void';--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_one_live_per_subscription_period" ON "invoices" USING btree ("organization_id","subscription_id","period_start") WHERE "invoices"."status" <> 'void' and "invoices"."subscription_id" is not null and "invoices"."period_start" is not null;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_invoice_issue_days_before_range" CHECK ("organizations"."invoice_issue_days_before" between 0 and 60);--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_invoice_due_day_range" CHECK ("organizations"."invoice_due_day" between 1 and 28);