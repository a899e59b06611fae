-- Vigie dataset, schema version 1. Portable SQL: INTEGER PRIMARY KEY, REAL, TEXT, CHECK, and
-- REFERENCES only, so that a PostgreSQL back end can follow (docs/DATASET.md lists the two
-- SQLite-only statements and their PostgreSQL forms). Times are UTC microseconds (INTEGER).

CREATE TABLE campaigns (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    manifest_path TEXT,
    created_utc_us INTEGER NOT NULL
);

CREATE TABLE cameras (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    modality TEXT NOT NULL CHECK (modality IN ('rgb', 'ir')),
    video_path TEXT,
    width INTEGER NOT NULL CHECK (width > 0),
    height INTEGER NOT NULL CHECK (height > 0),
    UNIQUE (campaign_id, name)
);

CREATE TABLE frames (
    id INTEGER PRIMARY KEY,
    camera_id INTEGER NOT NULL REFERENCES cameras(id) ON DELETE CASCADE,
    frame_index INTEGER NOT NULL CHECK (frame_index >= 0),
    pts INTEGER,
    utc_us INTEGER,
    UNIQUE (camera_id, frame_index)
);

CREATE TABLE classes (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE boxes (
    id INTEGER PRIMARY KEY,
    frame_id INTEGER NOT NULL REFERENCES frames(id) ON DELETE CASCADE,
    class_id INTEGER NOT NULL REFERENCES classes(id),
    x REAL NOT NULL,
    y REAL NOT NULL,
    w REAL NOT NULL CHECK (w > 0),
    h REAL NOT NULL CHECK (h > 0),
    source TEXT NOT NULL CHECK (source IN ('manual', 'geometry', 'cam', 'tracker', 'interpolated', 'detector')),
    state TEXT NOT NULL CHECK (state IN ('proposed', 'accepted', 'corrected', 'rejected')),
    confidence REAL CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1)),
    model_version TEXT,
    author TEXT NOT NULL,
    created_utc_us INTEGER NOT NULL,
    modified_utc_us INTEGER NOT NULL
);
CREATE INDEX boxes_by_frame ON boxes (frame_id);

-- Every change to a box, append-only: the triggers refuse updates and deletes.
CREATE TABLE box_history (
    id INTEGER PRIMARY KEY,
    box_id INTEGER NOT NULL,
    at_utc_us INTEGER NOT NULL,
    author TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore')),
    before_json TEXT,
    after_json TEXT
);
CREATE INDEX box_history_by_box ON box_history (box_id);
CREATE TRIGGER box_history_no_update BEFORE UPDATE ON box_history
BEGIN
    SELECT RAISE(ABORT, 'box history is append-only');
END;
CREATE TRIGGER box_history_no_delete BEFORE DELETE ON box_history
BEGIN
    SELECT RAISE(ABORT, 'box history is append-only');
END;
