-- The model's structured answer of a draft (JSON of the draft_summary schema), so the check reads its structure
-- (item keys, citations, explanations) and not only the rendered text; and the targeted re-asks the draft took.
ALTER TABLE cf_draft ADD COLUMN answer TEXT;
ALTER TABLE cf_draft ADD COLUMN reasks INT DEFAULT 0 NOT NULL;
