-- Documents drafted by the generic AI document step (topic draftDocument): one row per screening and output
-- variable (the BPMN element's outputVariable), the reviewer's final text once the review task completes.
CREATE TABLE cf_document (
    screening_id    VARCHAR(64)   NOT NULL,
    output_variable VARCHAR(100)  NOT NULL,
    kind            VARCHAR(100)  NOT NULL,
    language        VARCHAR(8)    NOT NULL,
    draft_text      TEXT          NOT NULL,
    answer_json     TEXT,
    provider        VARCHAR(50)   NOT NULL,
    model           VARCHAR(200),
    prompt_version  VARCHAR(100)  NOT NULL,
    fallback        BOOLEAN       NOT NULL,
    check_profile   VARCHAR(50)   NOT NULL,
    check_passed    BOOLEAN       NOT NULL,
    check_findings  TEXT          NOT NULL,
    input_sha256    VARCHAR(64),
    attempts        INTEGER,
    created_at      TIMESTAMP     NOT NULL,
    final_text      TEXT,
    reviewed_by     VARCHAR(100),
    reviewed_at     TIMESTAMP,
    PRIMARY KEY (screening_id, output_variable),
    CONSTRAINT fk_cf_document_screening FOREIGN KEY (screening_id) REFERENCES cf_screening (id)
);
