-- Each audit event's place in the chain (1, 2, 3…), so that the chain's head can be anchored
-- outside the database by its count. Existing events are numbered in the order they were written;
-- the append-only trigger is set aside for this one numbering, inside the migration's transaction.
ALTER TABLE "audit_events" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_events" DISABLE TRIGGER "audit_events_append_only";--> statement-breakpoint
UPDATE "audit_events" SET "seq" = numbered.seq
	FROM (SELECT "id", row_number() OVER (ORDER BY "id") AS seq FROM "audit_events") AS numbered
	WHERE "audit_events"."id" = numbered."id";--> statement-breakpoint
ALTER TABLE "audit_events" ENABLE TRIGGER "audit_events_append_only";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "seq" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_seq_unique" UNIQUE("seq");
