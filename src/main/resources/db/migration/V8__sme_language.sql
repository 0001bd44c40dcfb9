-- The language an SME is answered in: guessed from their messages and their channel (smes.language), unless they
-- chose one with /language, which then stands until they choose another.
ALTER TABLE smes ADD COLUMN language_chosen BOOLEAN DEFAULT FALSE NOT NULL;
