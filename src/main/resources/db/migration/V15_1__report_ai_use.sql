-- Which issued reports contain text from a generative model (decided once, when the report is issued, from the
-- signing decision and the provenance of the draft it was made on): the report's AI notice and the FHIR export's
-- AI extension read it. No row = no model text in the issued report (template draft, fallback, or written by the
-- physician).
CREATE TABLE cf_report_ai_use (
    screening_id   VARCHAR(36)  NOT NULL PRIMARY KEY REFERENCES cf_screening (id),
    provider       VARCHAR(32)  NOT NULL,
    model          VARCHAR(128),
    prompt_version VARCHAR(64)  NOT NULL,
    draft_round    INT          NOT NULL,
    signed_by      VARCHAR(64)  NOT NULL
);
