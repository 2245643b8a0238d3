-- Version 1: incidents and the append-only event log.
-- Dedup is a unique constraint: two rows with the same (tenant_id, source_alert_id) cannot both commit.
-- Rows without a source_alert_id are never duplicates of each other (NULLs are distinct in a UNIQUE constraint).
CREATE TABLE incidents (
    incident_id          VARCHAR(40)       NOT NULL PRIMARY KEY,
    tenant_id            VARCHAR(128)      NOT NULL,
    source_alert_id      VARCHAR(1024),
    title                VARCHAR(1000000)  NOT NULL,
    description          VARCHAR(1000000)  NOT NULL,
    severity             VARCHAR(16)       NOT NULL,
    service              VARCHAR(1000000),
    environment          VARCHAR(1000000),
    tags_json            VARCHAR(1000000)  NOT NULL,
    metadata_json        VARCHAR(1000000)  NOT NULL,
    status               VARCHAR(32)       NOT NULL,
    assigned_agents_json VARCHAR(4000)     NOT NULL,
    root_cause           VARCHAR(4000),
    recommended_json     VARCHAR(100000)   NOT NULL,
    created_at           VARCHAR(40)       NOT NULL,
    updated_at           VARCHAR(40)       NOT NULL,
    CONSTRAINT uq_incidents_source_alert UNIQUE (tenant_id, source_alert_id)
);

CREATE INDEX ix_incidents_tenant_created ON incidents (tenant_id, created_at);

-- Append-only: rows are inserted by the single store writer with ids from MAX(id) + 1 and never updated or deleted,
-- so ids are gap-free in commit order and continue after a restart.
CREATE TABLE events (
    id            BIGINT           NOT NULL PRIMARY KEY,
    tenant_id     VARCHAR(128)     NOT NULL,
    incident_id   VARCHAR(40)      NOT NULL,
    event_name    VARCHAR(64)      NOT NULL,
    occurred_at   VARCHAR(40)      NOT NULL,
    envelope_json VARCHAR(1000000) NOT NULL
);

CREATE INDEX ix_events_tenant_id ON events (tenant_id, id);
