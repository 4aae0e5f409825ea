-- A made document's PDF kept in pieces, each written in a statement of its own before the short
-- transaction that publishes the document: the embedded database runs one statement at a time,
-- and a 4 MB PDF written in one held every reader for a quarter of a second. A document names
-- its pieces by pdf_id; documents kept before this migration keep their PDF in documents.pdf.
CREATE TABLE "document_pieces" (
	"pdf_id" text NOT NULL,
	"seq" integer NOT NULL,
	"project_id" integer NOT NULL REFERENCES "projects"("id"),
	"bytes" bytea NOT NULL,
	CONSTRAINT "document_pieces_pk" PRIMARY KEY ("pdf_id", "seq")
);
--> statement-breakpoint
-- A PDF whose pieces are being written: a maker killed before it published leaves its row, and
-- the pieces are swept with it once it is stale (or at once when the embedded database opens).
CREATE TABLE "document_uploads" (
	"pdf_id" text PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL REFERENCES "projects"("id"),
	"started_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "documents" ALTER COLUMN "pdf" DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "pdf_id" text;
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_pdf_id_unique" UNIQUE ("pdf_id");
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_pdf_once"
	CHECK ((pdf IS NULL) <> (pdf_id IS NULL));
--> statement-breakpoint
-- A document is published only whole: its pieces run from 0 without a gap, belong to its project,
-- add up to its size and hash to its SHA-256, checked by the database as the row goes in.
CREATE FUNCTION documents_pieces_whole() RETURNS trigger AS $$
DECLARE
	got record;
BEGIN
	IF NEW.pdf_id IS NULL THEN
		RETURN NULL;
	END IF;
	SELECT count(*) AS pieces, max(seq) AS last, sum(octet_length(bytes)) AS size,
		bool_and(project_id = NEW.project_id) AS same_project,
		encode(sha256(string_agg(bytes, ''::bytea ORDER BY seq)), 'hex') AS sha256
	INTO got FROM document_pieces WHERE pdf_id = NEW.pdf_id;
	IF got.pieces = 0 OR got.last <> got.pieces - 1 OR got.size <> NEW.bytes
		OR NOT got.same_project OR got.sha256 <> NEW.sha256 THEN
		RAISE EXCEPTION 'document %: its PDF''s pieces are not whole (% pieces, % bytes)',
			NEW.sha256, got.pieces, coalesce(got.size, 0);
	END IF;
	RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER documents_pieces_whole
	AFTER INSERT ON documents
	FOR EACH ROW EXECUTE FUNCTION documents_pieces_whole();
--> statement-breakpoint
-- The pieces of a published document are kept as made: nothing is added, changed, or deleted but
-- by the purge. Pieces no document names are a maker's that did not finish, and may go.
CREATE FUNCTION document_pieces_kept() RETURNS trigger AS $$
BEGIN
	IF TG_LEVEL = 'ROW' AND TG_OP = 'INSERT'
		AND NOT EXISTS (SELECT FROM documents WHERE pdf_id = NEW.pdf_id) THEN
		RETURN NEW;
	END IF;
	IF TG_LEVEL = 'ROW' AND TG_OP = 'DELETE' AND (purge_allows(TG_TABLE_NAME, to_jsonb(OLD))
		OR NOT EXISTS (SELECT FROM documents WHERE pdf_id = OLD.pdf_id)) THEN
		RETURN OLD;
	END IF;
	RAISE EXCEPTION '% is immutable: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER document_pieces_kept
	BEFORE INSERT OR UPDATE OR DELETE ON document_pieces
	FOR EACH ROW EXECUTE FUNCTION document_pieces_kept();
--> statement-breakpoint
CREATE TRIGGER document_pieces_no_truncate
	BEFORE TRUNCATE ON document_pieces
	FOR EACH STATEMENT EXECUTE FUNCTION document_pieces_kept();
--> statement-breakpoint
-- Drops what makers that did not finish left, once older than `stale`.
CREATE FUNCTION sweep_document_uploads(stale interval) RETURNS integer AS $$
DECLARE
	swept integer;
BEGIN
	DELETE FROM document_pieces p USING document_uploads u
		WHERE p.pdf_id = u.pdf_id AND u.started_at <= now() - stale
		AND NOT EXISTS (SELECT FROM documents d WHERE d.pdf_id = u.pdf_id);
	DELETE FROM document_uploads WHERE started_at <= now() - stale;
	GET DIAGNOSTICS swept = ROW_COUNT;
	RETURN swept;
END;
$$ LANGUAGE plpgsql;
