-- Access log of every read or export of personal data (who, role, center, when, which screening, what, from where,
-- allowed or denied). Append-only: the application only INSERTs rows here (retention deletes the oldest ones and
-- records an anchor). Each row carries prev_hash (the previous row's hash) and hash = HMAC-SHA256 over its content
-- and prev_hash, so an edited, inserted or removed row breaks the chain (audit.AccessLog verifies it).
CREATE TABLE cf_access_log (
    seq              BIGINT                   NOT NULL PRIMARY KEY,
    accessed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    user_id          VARCHAR(128)             NOT NULL,
    user_roles       VARCHAR(512)             NOT NULL,
    user_centers     VARCHAR(512)             NOT NULL,
    screening_id     VARCHAR(64),
    screening_center VARCHAR(32),
    action           VARCHAR(32)              NOT NULL,
    resource         VARCHAR(512)             NOT NULL,
    client_address   VARCHAR(64),
    result           VARCHAR(8)               NOT NULL,
    http_status      INT                      NOT NULL,
    prev_hash        VARCHAR(64)              NOT NULL,
    hash             VARCHAR(64)              NOT NULL
);
CREATE INDEX ix_cf_access_log_time ON cf_access_log (accessed_at);
-- The unusual-volume alert counts a user's distinct screenings in the last hour.
CREATE INDEX ix_cf_access_log_user_time ON cf_access_log (user_id, accessed_at, screening_id);

-- The chain's head: the last row's number and hash. Appending locks this one row (SELECT ... FOR UPDATE), which
-- orders concurrent appends, also across application instances; a truncated tail no longer matches it.
CREATE TABLE cf_access_log_head (
    id        INT         NOT NULL PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);
INSERT INTO cf_access_log_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Retention re-anchors the chain: deleting rows 1..through_seq records the hash of row through_seq, from which
-- verification starts; mac (HMAC over through_seq and anchor_hash) keeps anchors from being forged without the key.
CREATE TABLE cf_access_log_anchor (
    through_seq  BIGINT                   NOT NULL PRIMARY KEY,
    anchor_hash  VARCHAR(64)              NOT NULL,
    removed_rows BIGINT                   NOT NULL,
    removed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    mac          VARCHAR(64)              NOT NULL
);
