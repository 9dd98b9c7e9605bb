-- Data (not generated; SQLite 0013): the circonscription told on « Mon député·e » (issue 13) moves
-- into the profile (issue 16), its one place from now on. The AN writes the Français de l'étranger
-- 099, the profile ZZ. A citizen with both keeps the more recent answer; a profile's other fields are
-- kept. Rows a deputy could never match (circonscription above 21) are the only ones not moved.
INSERT INTO "citizen_profiles" ("citizen_id", "departement", "circonscription", "updated_at")
SELECT "citizen_id", CASE "num_departement" WHEN '099' THEN 'ZZ' ELSE "num_departement" END, "num_circo", "updated_at"
FROM "citizen_constituencies" WHERE "num_circo" BETWEEN 1 AND 21
ON CONFLICT ("citizen_id") DO UPDATE SET "departement" = excluded."departement", "circonscription" = excluded."circonscription",
  "updated_at" = excluded."updated_at"
WHERE "citizen_profiles"."departement" IS NULL OR "citizen_profiles"."circonscription" IS NULL OR excluded."updated_at" > "citizen_profiles"."updated_at";
--> statement-breakpoint
DROP TABLE "citizen_constituencies" CASCADE;
