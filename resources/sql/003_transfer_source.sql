-- Vigie dataset, schema version 3: boxes carried from the other camera (source 'transfer').
-- A CHECK constraint cannot be altered in place, so the boxes table is rebuilt with every row,
-- id and column kept (box_history refers to boxes by id, without a foreign key).
CREATE TABLE boxes_v3 (
    id INTEGER PRIMARY KEY,
    frame_id INTEGER NOT NULL REFERENCES frames(id) ON DELETE CASCADE,
    class_id INTEGER NOT NULL REFERENCES classes(id),
    x REAL NOT NULL,
    y REAL NOT NULL,
    w REAL NOT NULL CHECK (w > 0),
    h REAL NOT NULL CHECK (h > 0),
    source TEXT NOT NULL CHECK (source IN ('manual', 'geometry', 'cam', 'tracker', 'interpolated', 'detector', 'transfer')),
    state TEXT NOT NULL CHECK (state IN ('proposed', 'accepted', 'corrected', 'rejected')),
    confidence REAL CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1)),
    model_version TEXT,
    author TEXT NOT NULL,
    created_utc_us INTEGER NOT NULL,
    modified_utc_us INTEGER NOT NULL,
    track_id INTEGER REFERENCES tracks(id) ON DELETE SET NULL
);
INSERT INTO boxes_v3 (id, frame_id, class_id, x, y, w, h, source, state, confidence, model_version, author,
                      created_utc_us, modified_utc_us, track_id)
    SELECT id, frame_id, class_id, x, y, w, h, source, state, confidence, model_version, author,
           created_utc_us, modified_utc_us, track_id FROM boxes;
DROP TABLE boxes;
ALTER TABLE boxes_v3 RENAME TO boxes;
CREATE INDEX boxes_by_frame ON boxes (frame_id);
CREATE INDEX boxes_by_track ON boxes (track_id);
