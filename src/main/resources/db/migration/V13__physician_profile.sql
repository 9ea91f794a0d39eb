-- The signing physician as the result notice prints them ("판정의사: 김OO (면허번호 12345)"): one profile per engine
-- user, kept by administrators (PUT /api/physicians/{userId}); the engine's user id stays the audit key elsewhere.
CREATE TABLE cf_physician_profile (
    user_id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    display_name    VARCHAR(50)  NOT NULL,
    licence_number  VARCHAR(10)  NOT NULL,
    updated_at      TIMESTAMP    NOT NULL,
    updated_by      VARCHAR(64)  NOT NULL
);
