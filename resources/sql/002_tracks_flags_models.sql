-- Schema version 2: tracks, frame flags, the model registry, training and evaluation runs.

CREATE TABLE tracks (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    class_id INTEGER REFERENCES classes(id),
    label TEXT
);

ALTER TABLE boxes ADD COLUMN track_id INTEGER REFERENCES tracks(id) ON DELETE SET NULL;
CREATE INDEX boxes_by_track ON boxes (track_id);

CREATE TABLE frame_flags (
    frame_id INTEGER PRIMARY KEY REFERENCES frames(id) ON DELETE CASCADE,
    out_of_view INTEGER NOT NULL DEFAULT 0 CHECK (out_of_view IN (0, 1)),
    not_visible INTEGER NOT NULL DEFAULT 0 CHECK (not_visible IN (0, 1)),
    occluded INTEGER NOT NULL DEFAULT 0 CHECK (occluded IN (0, 1)),
    reviewed INTEGER NOT NULL DEFAULT 0 CHECK (reviewed IN (0, 1)),
    author TEXT NOT NULL,
    modified_utc_us INTEGER NOT NULL
);

CREATE TABLE models (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    version TEXT NOT NULL UNIQUE,
    architecture TEXT NOT NULL,
    hyperparameters_json TEXT NOT NULL,
    weights_path TEXT NOT NULL,
    weights_sha256 TEXT NOT NULL CHECK (length(weights_sha256) = 64),
    data_snapshot_json TEXT NOT NULL,
    metrics_json TEXT,
    created_utc_us INTEGER NOT NULL
);

CREATE TABLE training_runs (
    id INTEGER PRIMARY KEY,
    model_id INTEGER REFERENCES models(id) ON DELETE SET NULL,
    started_utc_us INTEGER NOT NULL,
    finished_utc_us INTEGER,
    status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'cancelled', 'failed')),
    config_json TEXT NOT NULL
);

CREATE TABLE training_epochs (
    run_id INTEGER NOT NULL REFERENCES training_runs(id) ON DELETE CASCADE,
    epoch INTEGER NOT NULL,
    metrics_json TEXT NOT NULL,
    PRIMARY KEY (run_id, epoch)
);

CREATE TABLE evaluation_runs (
    id INTEGER PRIMARY KEY,
    model_id INTEGER REFERENCES models(id) ON DELETE CASCADE,
    created_utc_us INTEGER NOT NULL,
    split TEXT NOT NULL,
    metrics_json TEXT NOT NULL
);

CREATE TABLE evaluation_frames (
    run_id INTEGER NOT NULL REFERENCES evaluation_runs(id) ON DELETE CASCADE,
    frame_id INTEGER NOT NULL REFERENCES frames(id) ON DELETE CASCADE,
    true_positives INTEGER NOT NULL,
    false_positives INTEGER NOT NULL,
    false_negatives INTEGER NOT NULL,
    PRIMARY KEY (run_id, frame_id)
);
