-- Rows an import has judged new, staged outside its commit's transaction (see import-schema.ts).
CREATE UNLOGGED TABLE "staged_expenses" (
	"run_id" text NOT NULL,
	"line" integer NOT NULL,
	"row_key" text NOT NULL,
	"unmatched" boolean NOT NULL,
	"staged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"occurrence" integer NOT NULL,
	"date" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"currency" text NOT NULL,
	"document_number" text NOT NULL,
	"payee" text NOT NULL,
	"description" text NOT NULL,
	"category" text NOT NULL,
	"event_number" integer,
	"funding_source" "funding_source"
);
--> statement-breakpoint
CREATE UNLOGGED TABLE "staged_participations" (
	"run_id" text NOT NULL,
	"line" integer NOT NULL,
	"row_key" text NOT NULL,
	"unmatched" boolean NOT NULL,
	"staged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"person" text NOT NULL,
	"position" text NOT NULL,
	"event_number" integer,
	"city" text NOT NULL,
	"country" text,
	"departure" date NOT NULL,
	"return_date" date,
	"order_number" text NOT NULL,
	"status" "participation_status" NOT NULL
);
--> statement-breakpoint
-- A row's id is taken from a cache of a thousand: a million-row import otherwise pays a sequence
-- lock (and, every 32 values, a WAL record) per row. Ids stay unique; they may skip after a restart.
ALTER TABLE "expenses" ALTER COLUMN "id" SET CACHE 1000;
--> statement-breakpoint
ALTER TABLE "participations" ALTER COLUMN "id" SET CACHE 1000;
