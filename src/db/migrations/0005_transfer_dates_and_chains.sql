ALTER TABLE "transfers" ADD COLUMN "old_ends_on" date;--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "first_session_date" date;--> statement-breakpoint
-- Transfers made before these columns: the old end is what the old enrollment ends on now
-- (its first date when the transfer cancelled it), the first date is the new one's start.
UPDATE "transfers" t SET
  "old_ends_on" = CASE WHEN s_old."status" = 'void' THEN s_old."starts_on" ELSE coalesce(s_old."ends_on", t."transfer_date") END,
  "first_session_date" = s_new."starts_on"
FROM "subscriptions" s_old, "subscriptions" s_new
WHERE s_old."organization_id" = t."organization_id" AND s_old."id" = t."from_subscription_id"
  AND s_new."organization_id" = t."organization_id" AND s_new."id" = t."to_subscription_id";--> statement-breakpoint
ALTER TABLE "transfers" ALTER COLUMN "old_ends_on" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "transfers" ALTER COLUMN "first_session_date" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "transfers_one_standing_per_enrollment" ON "transfers" USING btree ("organization_id","from_subscription_id") WHERE "transfers"."status" = 'completed';
