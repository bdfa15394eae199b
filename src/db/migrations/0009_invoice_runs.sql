DROP INDEX "invoices_subscription_idx";--> statement-breakpoint
CREATE INDEX "subscriptions_running_idx" ON "subscriptions" USING btree ("organization_id",coalesce("ends_on", 'infinity'::date),"id") WHERE "subscriptions"."status" = 'active';--> statement-breakpoint
CREATE INDEX "invoices_subscription_idx" ON "invoices" USING btree ("organization_id","subscription_id","period_start");