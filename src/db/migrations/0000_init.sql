CREATE TYPE "public"."payment_plan" AS ENUM('full_session', 'monthly', 'per_visit');--> statement-breakpoint
CREATE TYPE "public"."session_date_exception_kind" AS ENUM('cancelled', 'moved');--> statement-breakpoint
CREATE TYPE "public"."checkout_choice" AS ENUM('pay_now', 'pay_later', 'close_now');--> statement-breakpoint
CREATE TYPE "public"."subscription_status" AS ENUM('active', 'void');--> statement-breakpoint
CREATE TYPE "public"."transfer_status" AS ENUM('completed', 'undone');--> statement-breakpoint
CREATE TYPE "public"."discount_kind" AS ENUM('amount', 'percent');--> statement-breakpoint
CREATE TYPE "public"."invoice_status" AS ENUM('open', 'paid', 'closed', 'void');--> statement-breakpoint
CREATE TYPE "public"."payment_method" AS ENUM('cash', 'check', 'card', 'other');--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"time_zone" text NOT NULL,
	"currency" text NOT NULL,
	"locale" text DEFAULT 'en-US' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_name_not_blank" CHECK (length(trim("organizations"."name")) > 0),
	CONSTRAINT "organizations_currency_iso" CHECK ("organizations"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "instructors" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"email" text,
	CONSTRAINT "instructors_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "instructors_name_not_blank" CHECK (length(trim("instructors"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"address" text,
	CONSTRAINT "locations_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "locations_name_not_blank" CHECK (length(trim("locations"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "services" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"default_payment_plan" "payment_plan" NOT NULL,
	"default_price" integer NOT NULL,
	CONSTRAINT "services_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "services_name_not_blank" CHECK (length(trim("services"."name")) > 0),
	CONSTRAINT "services_default_price_not_negative" CHECK ("services"."default_price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "session_date_exceptions" (
	"organization_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"date" date NOT NULL,
	"kind" "session_date_exception_kind" NOT NULL,
	"to_date" date,
	"to_start_time" time,
	"reason" text,
	CONSTRAINT "session_date_exceptions_organization_id_session_id_date_pk" PRIMARY KEY("organization_id","session_id","date"),
	CONSTRAINT "session_date_exceptions_moved_has_date" CHECK (("session_date_exceptions"."kind" = 'moved') = ("session_date_exceptions"."to_date" is not null))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"service_id" uuid NOT NULL,
	"name" text NOT NULL,
	"weekdays" smallint[] NOT NULL,
	"start_time" time NOT NULL,
	"duration_minutes" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"capacity" integer NOT NULL,
	"instructor_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"payment_plan" "payment_plan" NOT NULL,
	"price" integer NOT NULL,
	CONSTRAINT "sessions_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "sessions_name_not_blank" CHECK (length(trim("sessions"."name")) > 0),
	CONSTRAINT "sessions_capacity_not_negative" CHECK ("sessions"."capacity" >= 0),
	CONSTRAINT "sessions_price_not_negative" CHECK ("sessions"."price" >= 0),
	CONSTRAINT "sessions_duration_positive" CHECK ("sessions"."duration_minutes" > 0 and "sessions"."duration_minutes" <= 1440),
	CONSTRAINT "sessions_ends_after_start" CHECK ("sessions"."ends_on" is null or "sessions"."ends_on" > "sessions"."starts_on"),
	CONSTRAINT "sessions_weekdays_valid" CHECK (cardinality("sessions"."weekdays") between 1 and 7 and "sessions"."weekdays" <@ array[1,2,3,4,5,6,7]::smallint[])
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"family_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"birth_date" date,
	"notes" text DEFAULT '' NOT NULL,
	CONSTRAINT "clients_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "clients_name_not_blank" CHECK (length(trim("clients"."first_name")) > 0 and length(trim("clients"."last_name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "families" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "families_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "families_name_not_blank" CHECK (length(trim("families"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "guardians" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"family_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	CONSTRAINT "guardians_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "guardians_name_not_blank" CHECK (length(trim("guardians"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"organization_id" uuid NOT NULL,
	"subscription_id" uuid NOT NULL,
	"date" date NOT NULL,
	"present" integer NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_organization_id_subscription_id_date_pk" PRIMARY KEY("organization_id","subscription_id","date"),
	CONSTRAINT "attendance_present_flag" CHECK ("attendance"."present" in (0, 1))
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"client_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"status" "subscription_status" DEFAULT 'active' NOT NULL,
	"payment_plan" "payment_plan" NOT NULL,
	"price_snapshot" integer NOT NULL,
	"capacity_override" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "subscriptions_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "subscriptions_ends_after_start" CHECK ("subscriptions"."ends_on" is null or "subscriptions"."ends_on" > "subscriptions"."starts_on"),
	CONSTRAINT "subscriptions_price_not_negative" CHECK ("subscriptions"."price_snapshot" >= 0),
	CONSTRAINT "subscriptions_capacity_override_flag" CHECK ("subscriptions"."capacity_override" in (0, 1))
);
--> statement-breakpoint
CREATE TABLE "transfers" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"client_id" uuid NOT NULL,
	"from_subscription_id" uuid NOT NULL,
	"to_subscription_id" uuid NOT NULL,
	"transfer_date" date NOT NULL,
	"previous_ends_on" date,
	"reason" text DEFAULT '' NOT NULL,
	"actor_user_id" text,
	"checkout" "checkout_choice" NOT NULL,
	"invoice_id" uuid,
	"status" "transfer_status" DEFAULT 'completed' NOT NULL,
	"undone_at" timestamp with time zone,
	CONSTRAINT "transfers_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "invoice_discounts" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"kind" "discount_kind" NOT NULL,
	"basis_points" integer,
	"amount" integer NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "invoice_discounts_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "invoice_discounts_amount_not_negative" CHECK ("invoice_discounts"."amount" >= 0),
	CONSTRAINT "invoice_discounts_percent_valid" CHECK (("invoice_discounts"."kind" = 'percent') = ("invoice_discounts"."basis_points" is not null) and coalesce("invoice_discounts"."basis_points" between 0 and 10000, true)),
	CONSTRAINT "invoice_discounts_reason_not_blank" CHECK (length(trim("invoice_discounts"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"subscription_id" uuid,
	"description" text NOT NULL,
	"period_start" date,
	"period_end" date,
	"quantity_numerator" integer DEFAULT 1 NOT NULL,
	"quantity_denominator" integer DEFAULT 1 NOT NULL,
	"unit_amount" integer NOT NULL,
	"amount" integer NOT NULL,
	CONSTRAINT "invoice_lines_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "invoice_lines_amounts_not_negative" CHECK ("invoice_lines"."unit_amount" >= 0 and "invoice_lines"."amount" >= 0),
	CONSTRAINT "invoice_lines_quantity_valid" CHECK ("invoice_lines"."quantity_numerator" >= 0 and "invoice_lines"."quantity_denominator" > 0)
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"family_id" uuid NOT NULL,
	"subscription_id" uuid,
	"status" "invoice_status" DEFAULT 'open' NOT NULL,
	"issued_on" date NOT NULL,
	"due_on" date NOT NULL,
	"subtotal" integer NOT NULL,
	"discount_total" integer DEFAULT 0 NOT NULL,
	"total" integer NOT NULL,
	"status_before_void" "invoice_status",
	CONSTRAINT "invoices_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "invoices_amounts_not_negative" CHECK ("invoices"."subtotal" >= 0 and "invoices"."discount_total" >= 0 and "invoices"."total" >= 0),
	CONSTRAINT "invoices_total_is_subtotal_less_discounts" CHECK ("invoices"."total" = "invoices"."subtotal" - "invoices"."discount_total")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"amount" integer NOT NULL,
	"method" "payment_method" NOT NULL,
	"reference" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "payments_amount_positive" CHECK ("payments"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "write_offs" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"amount" integer NOT NULL,
	"reason" text NOT NULL,
	"written_off_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "write_offs_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "write_offs_amount_positive" CHECK ("write_offs"."amount" > 0),
	CONSTRAINT "write_offs_reason_not_blank" CHECK (length(trim("write_offs"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" text,
	"actor_role" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"client_id" uuid,
	"before" jsonb,
	"after" jsonb,
	CONSTRAINT "audit_events_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"organization_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" integer NOT NULL,
	"response_body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_organization_id_key_pk" PRIMARY KEY("organization_id","key")
);
--> statement-breakpoint
ALTER TABLE "instructors" ADD CONSTRAINT "instructors_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_date_exceptions" ADD CONSTRAINT "session_date_exceptions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_date_exceptions" ADD CONSTRAINT "session_date_exceptions_organization_id_session_id_sessions_organization_id_id_fk" FOREIGN KEY ("organization_id","session_id") REFERENCES "public"."sessions"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_organization_id_service_id_services_organization_id_id_fk" FOREIGN KEY ("organization_id","service_id") REFERENCES "public"."services"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_organization_id_instructor_id_instructors_organization_id_id_fk" FOREIGN KEY ("organization_id","instructor_id") REFERENCES "public"."instructors"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_organization_id_location_id_locations_organization_id_id_fk" FOREIGN KEY ("organization_id","location_id") REFERENCES "public"."locations"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_organization_id_family_id_families_organization_id_id_fk" FOREIGN KEY ("organization_id","family_id") REFERENCES "public"."families"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "families" ADD CONSTRAINT "families_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardians" ADD CONSTRAINT "guardians_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardians" ADD CONSTRAINT "guardians_organization_id_family_id_families_organization_id_id_fk" FOREIGN KEY ("organization_id","family_id") REFERENCES "public"."families"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_organization_id_subscription_id_subscriptions_organization_id_id_fk" FOREIGN KEY ("organization_id","subscription_id") REFERENCES "public"."subscriptions"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_organization_id_client_id_clients_organization_id_id_fk" FOREIGN KEY ("organization_id","client_id") REFERENCES "public"."clients"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_organization_id_session_id_sessions_organization_id_id_fk" FOREIGN KEY ("organization_id","session_id") REFERENCES "public"."sessions"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_organization_id_client_id_clients_organization_id_id_fk" FOREIGN KEY ("organization_id","client_id") REFERENCES "public"."clients"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_organization_id_from_subscription_id_subscriptions_organization_id_id_fk" FOREIGN KEY ("organization_id","from_subscription_id") REFERENCES "public"."subscriptions"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_organization_id_to_subscription_id_subscriptions_organization_id_id_fk" FOREIGN KEY ("organization_id","to_subscription_id") REFERENCES "public"."subscriptions"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_discounts" ADD CONSTRAINT "invoice_discounts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_discounts" ADD CONSTRAINT "invoice_discounts_organization_id_invoice_id_invoices_organization_id_id_fk" FOREIGN KEY ("organization_id","invoice_id") REFERENCES "public"."invoices"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_organization_id_invoice_id_invoices_organization_id_id_fk" FOREIGN KEY ("organization_id","invoice_id") REFERENCES "public"."invoices"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_organization_id_subscription_id_subscriptions_organization_id_id_fk" FOREIGN KEY ("organization_id","subscription_id") REFERENCES "public"."subscriptions"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_organization_id_family_id_families_organization_id_id_fk" FOREIGN KEY ("organization_id","family_id") REFERENCES "public"."families"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_organization_id_subscription_id_subscriptions_organization_id_id_fk" FOREIGN KEY ("organization_id","subscription_id") REFERENCES "public"."subscriptions"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_organization_id_invoice_id_invoices_organization_id_id_fk" FOREIGN KEY ("organization_id","invoice_id") REFERENCES "public"."invoices"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_organization_id_family_id_families_organization_id_id_fk" FOREIGN KEY ("organization_id","family_id") REFERENCES "public"."families"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "write_offs" ADD CONSTRAINT "write_offs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "write_offs" ADD CONSTRAINT "write_offs_organization_id_invoice_id_invoices_organization_id_id_fk" FOREIGN KEY ("organization_id","invoice_id") REFERENCES "public"."invoices"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "write_offs" ADD CONSTRAINT "write_offs_organization_id_family_id_families_organization_id_id_fk" FOREIGN KEY ("organization_id","family_id") REFERENCES "public"."families"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_service_idx" ON "sessions" USING btree ("organization_id","service_id");--> statement-breakpoint
CREATE INDEX "clients_family_idx" ON "clients" USING btree ("organization_id","family_id");--> statement-breakpoint
CREATE INDEX "clients_name_idx" ON "clients" USING btree ("organization_id","last_name","first_name");--> statement-breakpoint
CREATE INDEX "guardians_family_idx" ON "guardians" USING btree ("organization_id","family_id");--> statement-breakpoint
CREATE INDEX "subscriptions_session_idx" ON "subscriptions" USING btree ("organization_id","session_id","starts_on");--> statement-breakpoint
CREATE INDEX "subscriptions_client_idx" ON "subscriptions" USING btree ("organization_id","client_id");--> statement-breakpoint
CREATE INDEX "transfers_client_idx" ON "transfers" USING btree ("organization_id","client_id");--> statement-breakpoint
CREATE INDEX "invoice_discounts_invoice_idx" ON "invoice_discounts" USING btree ("organization_id","invoice_id");--> statement-breakpoint
CREATE INDEX "invoice_lines_invoice_idx" ON "invoice_lines" USING btree ("organization_id","invoice_id");--> statement-breakpoint
CREATE INDEX "invoices_family_idx" ON "invoices" USING btree ("organization_id","family_id");--> statement-breakpoint
CREATE INDEX "invoices_subscription_idx" ON "invoices" USING btree ("organization_id","subscription_id");--> statement-breakpoint
CREATE INDEX "payments_invoice_idx" ON "payments" USING btree ("organization_id","invoice_id");--> statement-breakpoint
CREATE INDEX "payments_family_idx" ON "payments" USING btree ("organization_id","family_id");--> statement-breakpoint
CREATE INDEX "write_offs_family_idx" ON "write_offs" USING btree ("organization_id","family_id");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("organization_id","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_events_client_idx" ON "audit_events" USING btree ("organization_id","client_id","created_at");