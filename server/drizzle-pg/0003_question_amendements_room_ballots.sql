CREATE TABLE "room_ballots" (
	"room_code" text NOT NULL,
	"question_index" integer NOT NULL,
	"participant_id" text NOT NULL,
	"choice" text NOT NULL,
	"prediction" text NOT NULL,
	CONSTRAINT "room_ballots_room_code_question_index_participant_id_pk" PRIMARY KEY("room_code","question_index","participant_id")
);
--> statement-breakpoint
CREATE TABLE "amendements" (
	"uid" text PRIMARY KEY NOT NULL,
	"legislature" integer NOT NULL,
	"numero" text NOT NULL,
	"texte_ref" text NOT NULL,
	"seance_ref" text,
	"dossier_ref" text,
	"sort" text,
	"source_hash" text NOT NULL,
	"imported_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_questions" ADD COLUMN "sitting_start" text;--> statement-breakpoint
ALTER TABLE "platform_questions" ADD COLUMN "replay_of" text;--> statement-breakpoint
ALTER TABLE "question_links" ADD COLUMN "amendement_uid" text;--> statement-breakpoint
ALTER TABLE "question_links" ADD COLUMN "amendement_numero" text;--> statement-breakpoint
ALTER TABLE "room_ballots" ADD CONSTRAINT "room_ballots_room_code_rooms_code_fk" FOREIGN KEY ("room_code") REFERENCES "public"."rooms"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "amendements_seance_numero_idx" ON "amendements" USING btree ("seance_ref","numero");--> statement-breakpoint
-- Data (not generated; SQLite 0012): questions opened before this migration get their sitting's start from the agenda.
UPDATE "platform_questions" SET "sitting_start" = (SELECT "start" FROM "agenda_sittings" WHERE "agenda_sittings"."uid" = "platform_questions"."sitting_uid") WHERE "sitting_start" IS NULL;
