ALTER TABLE "generation_jobs" ADD COLUMN "quota_charged_usd" numeric(14, 6) DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "generation_jobs" SET "quota_charged_usd" = CASE "quota_state" WHEN 'reserved' THEN "estimated_cost_usd" WHEN 'settled' THEN "actual_cost_usd" ELSE 0 END;
