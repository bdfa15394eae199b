CREATE TYPE "public"."transfer_request_status" AS ENUM('pending', 'approved', 'declined', 'withdrawn', 'refused');--> statement-breakpoint
ALTER TYPE "public"."message_topic" ADD VALUE 'portal_invitation';--> statement-breakpoint
ALTER TYPE "public"."message_topic" ADD VALUE 'transfer_request_approved';--> statement-breakpoint
ALTER TYPE "public"."message_topic" ADD VALUE 'transfer_request_declined';--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"token" text NOT NULL,
	"family_id" uuid,
	"instructor_id" uuid,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "calendar_feeds_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "calendar_feeds_one_owner" CHECK (("calendar_feeds"."family_id" is null) <> ("calendar_feeds"."instructor_id" is null))
);
--> statement-breakpoint
CREATE TABLE "transfer_requests" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"family_id" uuid NOT NULL,
	"guardian_id" uuid NOT NULL,
	"subscription_id" uuid NOT NULL,
	"target_session_id" uuid NOT NULL,
	"first_session_date" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" "transfer_request_status" DEFAULT 'pending' NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_user_id" text,
	"decision_reason" text,
	"transfer_id" uuid,
	CONSTRAINT "transfer_requests_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "transfer_requests_note_length" CHECK (length("transfer_requests"."note") <= 1000),
	CONSTRAINT "transfer_requests_approved_has_transfer" CHECK (("transfer_requests"."status" = 'approved') = ("transfer_requests"."transfer_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "auto_approve_transfer_requests" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "guardians" ADD COLUMN "user_id" text;--> statement-breakpoint
ALTER TABLE "guardians" ADD COLUMN "portal_invited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_organization_id_family_id_families_organization_id_id_fk" FOREIGN KEY ("organization_id","family_id") REFERENCES "public"."families"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_organization_id_instructor_id_instructors_organization_id_id_fk" FOREIGN KEY ("organization_id","instructor_id") REFERENCES "public"."instructors"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_requests" ADD CONSTRAINT "transfer_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_requests" ADD CONSTRAINT "transfer_requests_organization_id_family_id_families_organization_id_id_fk" FOREIGN KEY ("organization_id","family_id") REFERENCES "public"."families"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_requests" ADD CONSTRAINT "transfer_requests_organization_id_guardian_id_guardians_organization_id_id_fk" FOREIGN KEY ("organization_id","guardian_id") REFERENCES "public"."guardians"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_requests" ADD CONSTRAINT "transfer_requests_organization_id_subscription_id_subscriptions_organization_id_id_fk" FOREIGN KEY ("organization_id","subscription_id") REFERENCES "public"."subscriptions"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_requests" ADD CONSTRAINT "transfer_requests_organization_id_target_session_id_sessions_organization_id_id_fk" FOREIGN KEY ("organization_id","target_session_id") REFERENCES "public"."sessions"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_requests" ADD CONSTRAINT "transfer_requests_organization_id_transfer_id_transfers_organization_id_id_fk" FOREIGN KEY ("organization_id","transfer_id") REFERENCES "public"."transfers"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_unique" ON "calendar_feeds" USING btree ("token");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_live_family" ON "calendar_feeds" USING btree ("organization_id","family_id") WHERE "calendar_feeds"."revoked_at" is null and "calendar_feeds"."family_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_live_instructor" ON "calendar_feeds" USING btree ("organization_id","instructor_id") WHERE "calendar_feeds"."revoked_at" is null and "calendar_feeds"."instructor_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_requests_one_pending_per_enrollment" ON "transfer_requests" USING btree ("organization_id","subscription_id") WHERE "transfer_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "transfer_requests_queue_idx" ON "transfer_requests" USING btree ("organization_id","status","created_at");--> statement-breakpoint
CREATE INDEX "transfer_requests_family_idx" ON "transfer_requests" USING btree ("organization_id","family_id","created_at");--> statement-breakpoint
ALTER TABLE "guardians" ADD CONSTRAINT "guardians_user_id_auth_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "guardians_user_unique" ON "guardians" USING btree ("user_id") WHERE "guardians"."user_id" is not null;