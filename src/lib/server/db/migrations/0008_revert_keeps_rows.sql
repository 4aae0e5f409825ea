ALTER TABLE "expenses" DROP CONSTRAINT "expenses_identity";--> statement-breakpoint
ALTER TABLE "participations" DROP CONSTRAINT "participations_identity";--> statement-breakpoint
DROP INDEX "expenses_project_date";--> statement-breakpoint
ALTER TABLE "expenses" ADD COLUMN "reverted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "participations" ADD COLUMN "reverted_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "expenses_identity" ON "expenses" USING btree ("project_id","row_key","occurrence") WHERE reverted_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "participations_identity" ON "participations" USING btree ("project_id","row_key") WHERE reverted_at is null;--> statement-breakpoint
CREATE INDEX "expenses_project_date" ON "expenses" USING btree ("project_id","date") WHERE reverted_at is null;--> statement-breakpoint
-- An import writes its rows first and its batch, report and counts included, last, in one
-- transaction: the rows' key to their batch is checked at commit there, so the batch is written
-- once and never needs an UPDATE (see run-import.ts). Everywhere else it is checked at once.
ALTER TABLE "expenses" ALTER CONSTRAINT "expenses_batch_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "participations" ALTER CONSTRAINT "participations_batch_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
-- What was imported stays as it was imported. An UPDATE may only set the revert mark, once (from
-- null to a moment, or for a batch also who reverted it), and change nothing else: the row is
-- compared whole, so a column added later is covered too. A row is marked only with the moment
-- its batch was reverted, so no row can be taken out of the figures on its own, unseen in the
-- history. DELETE and TRUNCATE are refused.
-- Nothing is reverted in place before this migration (reverts deleted rows, and the batches they
-- marked have none left), so every row is live and valid as it is.
CREATE FUNCTION imported_rows_immutable() RETURNS trigger AS $$
DECLARE
	mark timestamptz;
BEGIN
	IF TG_OP = 'UPDATE' THEN
		mark := NEW.reverted_at;
		IF OLD.reverted_at IS NULL AND mark IS NOT NULL THEN
			NEW.reverted_at := NULL;
			IF NEW IS NOT DISTINCT FROM OLD AND EXISTS (
				SELECT FROM import_batches WHERE id = OLD.batch_id AND reverted_at = mark
			) THEN
				NEW.reverted_at := mark;
				RETURN NEW;
			END IF;
		END IF;
	END IF;
	RAISE EXCEPTION '% is kept as imported: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE FUNCTION import_batches_immutable() RETURNS trigger AS $$
DECLARE
	mark timestamptz;
	marker text;
BEGIN
	IF TG_OP = 'UPDATE' THEN
		mark := NEW.reverted_at;
		marker := NEW.reverted_by;
		IF OLD.reverted_at IS NULL AND OLD.reverted_by IS NULL
			AND mark IS NOT NULL AND marker IS NOT NULL THEN
			NEW.reverted_at := NULL;
			NEW.reverted_by := NULL;
			IF NEW IS NOT DISTINCT FROM OLD THEN
				NEW.reverted_at := mark;
				NEW.reverted_by := marker;
				RETURN NEW;
			END IF;
		END IF;
	END IF;
	RAISE EXCEPTION '% is kept as imported: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- An original's bytes never change, and stay while an import refers to them. The chunks of an
-- upload that no import took are no audit material yet, and may be cleared away.
CREATE FUNCTION source_file_chunks_kept() RETURNS trigger AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		IF NOT EXISTS (SELECT FROM import_batches WHERE source_file_id = OLD.file_id) THEN
			RETURN OLD;
		END IF;
	END IF;
	RAISE EXCEPTION '% is kept as imported: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER import_batches_immutable
	BEFORE UPDATE OR DELETE ON import_batches
	FOR EACH ROW EXECUTE FUNCTION import_batches_immutable();
--> statement-breakpoint
CREATE TRIGGER expenses_immutable
	BEFORE UPDATE OR DELETE ON expenses
	FOR EACH ROW EXECUTE FUNCTION imported_rows_immutable();
--> statement-breakpoint
CREATE TRIGGER participations_immutable
	BEFORE UPDATE OR DELETE ON participations
	FOR EACH ROW EXECUTE FUNCTION imported_rows_immutable();
--> statement-breakpoint
CREATE TRIGGER source_file_chunks_immutable
	BEFORE UPDATE OR DELETE ON source_file_chunks
	FOR EACH ROW EXECUTE FUNCTION source_file_chunks_kept();
--> statement-breakpoint
CREATE TRIGGER import_batches_no_truncate
	BEFORE TRUNCATE ON import_batches
	FOR EACH STATEMENT EXECUTE FUNCTION import_batches_immutable();
--> statement-breakpoint
CREATE TRIGGER expenses_no_truncate
	BEFORE TRUNCATE ON expenses
	FOR EACH STATEMENT EXECUTE FUNCTION imported_rows_immutable();
--> statement-breakpoint
CREATE TRIGGER participations_no_truncate
	BEFORE TRUNCATE ON participations
	FOR EACH STATEMENT EXECUTE FUNCTION imported_rows_immutable();
--> statement-breakpoint
CREATE TRIGGER source_file_chunks_no_truncate
	BEFORE TRUNCATE ON source_file_chunks
	FOR EACH STATEMENT EXECUTE FUNCTION source_file_chunks_kept();
