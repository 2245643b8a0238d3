-- Version 1: incidents and the append-only event log (SQLite, STRICT tables: a wrong type is an error, not a
-- silent conversion).
-- Dedup is a unique constraint: two rows with the same (tenant_id, source_alert_id) cannot both commit.
-- Rows without a source_alert_id are never duplicates of each other (NULLs are distinct in a UNIQUE constraint).
CREATE TABLE incidents (
    incident_id          TEXT NOT NULL PRIMARY KEY,
    tenant_id            TEXT NOT NULL,
    source_alert_id      TEXT,
    title                TEXT NOT NULL,
    description          TEXT NOT NULL,
    severity             TEXT NOT NULL,
    service              TEXT,
    environment          TEXT,
    tags_json            TEXT NOT NULL,
    metadata_json        TEXT NOT NULL,
    status               TEXT NOT NULL,
    assigned_agents_json TEXT NOT NULL,
    root_cause           TEXT,
    recommended_json     TEXT NOT NULL,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    CONSTRAINT uq_incidents_source_alert UNIQUE (tenant_id, source_alert_id)
) STRICT;

CREATE INDEX ix_incidents_tenant_created ON incidents (tenant_id, created_at);

-- Append-only: rows are inserted by the single store writer with ids from MAX(id) + 1 and never updated or deleted,
-- so ids are gap-free in commit order and continue after a restart. INTEGER PRIMARY KEY makes the id the row's
-- storage key, so the log is stored in id order.
CREATE TABLE events (
    id            INTEGER NOT NULL PRIMARY KEY,
    tenant_id     TEXT    NOT NULL,
    incident_id   TEXT    NOT NULL,
    event_name    TEXT    NOT NULL,
    occurred_at   TEXT    NOT NULL,
    envelope_json TEXT    NOT NULL
) STRICT;

CREATE INDEX ix_events_tenant_id ON events (tenant_id, id);
