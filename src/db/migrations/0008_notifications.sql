CREATE TYPE "public"."message_kind" AS ENUM('schedule', 'billing', 'reminders', 'account');--> statement-breakpoint
CREATE TYPE "public"."message_status" AS ENUM('pending', 'sending', 'sent', 'failed', 'withheld');--> statement-breakpoint
CREATE TYPE "public"."message_topic" AS ENUM('transfer_done', 'transfer_undone', 'roster_change', 'enrolled', 'unenrolled', 'invoice_issued', 'payment_receipt', 'refund', 'due_reminder', 'password_reset', 'staff_invitation');--> statement-breakpoint
CREATE TYPE "public"."message_recipient_kind" AS ENUM('guardian', 'instructor', 'staff');--> statement-breakpoint
CREATE TABLE "message_attempts" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"message_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"detail" text NOT NULL,
	CONSTRAINT "message_attempts_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "message_attempts_outcome" CHECK ("message_attempts"."outcome" in ('sent', 'retry', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" "message_kind" NOT NULL,
	"topic" "message_topic" NOT NULL,
	"about_type" text NOT NULL,
	"about_id" text NOT NULL,
	"family_id" uuid,
	"recipient_kind" "message_recipient_kind" NOT NULL,
	"recipient_id" text NOT NULL,
	"recipient_name" text NOT NULL,
	"recipient_email" text,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text NOT NULL,
	"status" "message_status" DEFAULT 'pending' NOT NULL,
	"status_note" text,
	"message_id" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_until" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"once_key" text,
	CONSTRAINT "messages_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "messages_attempts_not_negative" CHECK ("messages"."attempts" >= 0)
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "muted_message_kinds" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "guardians" ADD COLUMN "muted_message_kinds" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "message_attempts" ADD CONSTRAINT "message_attempts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_attempts" ADD CONSTRAINT "message_attempts_organization_id_message_id_messages_organization_id_id_fk" FOREIGN KEY ("organization_id","message_id") REFERENCES "public"."messages"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_organization_id_family_id_families_organization_id_id_fk" FOREIGN KEY ("organization_id","family_id") REFERENCES "public"."families"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_attempts_message_idx" ON "message_attempts" USING btree ("organization_id","message_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_message_id_unique" ON "messages" USING btree ("message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_once_key_unique" ON "messages" USING btree ("organization_id","once_key") WHERE "messages"."once_key" is not null;--> statement-breakpoint
CREATE INDEX "messages_waiting_idx" ON "messages" USING btree ("next_attempt_at") WHERE "messages"."status" in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "messages_family_idx" ON "messages" USING btree ("organization_id","family_id","created_at");--> statement-breakpoint
CREATE INDEX "messages_organization_idx" ON "messages" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "messages_about_idx" ON "messages" USING btree ("organization_id","about_type","about_id");--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_muted_message_kinds" CHECK ("organizations"."muted_message_kinds" <@ array['schedule', 'billing', 'reminders']::text[]);--> statement-breakpoint
ALTER TABLE "guardians" ADD CONSTRAINT "guardians_muted_message_kinds" CHECK ("guardians"."muted_message_kinds" <@ array['schedule', 'billing', 'reminders']::text[]);