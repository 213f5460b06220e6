-- The hire ledger: every verified create-employee request, recorded before any HRIS call. One row per company and
-- candidate: the primary key is what makes a resubmitted or concurrent hire create one employee only.
CREATE TABLE hire (
    company             VARCHAR(64)      NOT NULL,
    candidate_id        VARCHAR(200)     NOT NULL,
    person_uid          VARCHAR(200),
    target              VARCHAR(32)      NOT NULL,
    -- received, creating, created, failed, unknown (the HRIS may have created the employee: look it up first)
    status              VARCHAR(16)      NOT NULL,
    rehire              BOOLEAN          NOT NULL,
    employee_id         VARCHAR(100),
    hris_status         INTEGER,
    hris_message        VARCHAR(2000),
    display_message     VARCHAR(2000),
    attempts            INTEGER          NOT NULL,
    deliveries          INTEGER          NOT NULL,
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    -- while status is creating: until when the instance creating it holds the hire
    lease_until         TIMESTAMP WITH TIME ZONE,
    hris_duration_ms    BIGINT,
    total_duration_ms   BIGINT,
    -- the verified body, as received; emptied after the retention period
    payload             VARCHAR(1048576),
    -- bumped by every change of status: a claim only succeeds on the version it read
    version             INTEGER          NOT NULL,
    CONSTRAINT hire_pk PRIMARY KEY (company, candidate_id)
);

CREATE INDEX hire_person ON hire (company, person_uid);
CREATE INDEX hire_received ON hire (received_at);
