DROP INDEX "subscriptions_session_idx";--> statement-breakpoint
CREATE INDEX "session_date_exceptions_moved_idx" ON "session_date_exceptions" USING btree ("organization_id","session_id","to_date") WHERE "session_date_exceptions"."kind" = 'moved';--> statement-breakpoint
CREATE INDEX "sessions_running_idx" ON "sessions" USING btree ("organization_id",coalesce("ends_on", 'infinity'::date),"starts_on");--> statement-breakpoint
CREATE INDEX "subscriptions_session_active_idx" ON "subscriptions" USING btree ("organization_id","session_id",coalesce("ends_on", 'infinity'::date),"starts_on","ends_on") WHERE "subscriptions"."status" = 'active';--> statement-breakpoint
CREATE INDEX "write_offs_invoice_idx" ON "write_offs" USING btree ("organization_id","invoice_id");