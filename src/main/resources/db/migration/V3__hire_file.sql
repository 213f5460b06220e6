-- The candidate's files (resume, picture, offer letters), downloaded as soon as the hire is verified because
-- Comeet's links expire within minutes, then uploaded to the HRIS once the employee exists. One row per file of a
-- hire. No foreign key to hire, so that removing a hire never fails on its files.
CREATE TABLE hire_file (
    company             VARCHAR(64)      NOT NULL,
    candidate_id        VARCHAR(200)     NOT NULL,
    -- resume, picture, offer_letter
    kind                VARCHAR(16)      NOT NULL,
    -- 0, or the offer letter's place among the hire's offer letters
    position            INTEGER          NOT NULL,
    name                VARCHAR(255)     NOT NULL,
    content_type        VARCHAR(255),
    size_bytes          BIGINT,
    content             BYTEA,
    -- downloaded, download_failed, uploaded, upload_failed
    status              VARCHAR(16)      NOT NULL,
    -- why the download or the upload failed, in a few words; never part of the URL or of the content
    error               VARCHAR(200),
    hris_file_id        VARCHAR(100),
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT hire_file_pk PRIMARY KEY (company, candidate_id, kind, position)
);
