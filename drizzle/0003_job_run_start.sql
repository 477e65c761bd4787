ALTER TABLE "generation_jobs" ADD COLUMN "run_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "generation_jobs" ADD COLUMN "run_start_progress" real DEFAULT 0 NOT NULL;