-- k-means segmentation (issue 12). A run writes its segmentation beside the
-- current one and becomes current at the end (partial unique index), in one
-- transaction: a cancel or crash leaves the previous segmentation in place.
-- Segmentations are derived results, not customer data: they are not in the
-- change log, and a new current one replaces the older ones.
CREATE TABLE segmentations (
  id          INTEGER PRIMARY KEY,
  created_at  TEXT NOT NULL,
  -- Ages are counted as of this day (YYYY-MM-DD).
  as_of       TEXT NOT NULL,
  k           INTEGER NOT NULL,
  seed        INTEGER NOT NULL,
  starts      INTEGER NOT NULL,
  -- JSON [{ name, mean, sd }]: population mean and standard deviation of each
  -- feature, so centroids can be shown in original units.
  features    TEXT NOT NULL,
  inertia     REAL NOT NULL,
  silhouette  REAL,
  silhouette_sample INTEGER NOT NULL,
  records     INTEGER NOT NULL,
  missing     INTEGER NOT NULL,
  -- JSON { feature name: customers missing it }.
  missing_by_feature TEXT NOT NULL,
  -- JSON [[segment, value of each feature…]]: a seeded sample of up to a few
  -- thousand segmented customers in original units, for the scatter plot.
  sample      TEXT NOT NULL,
  is_current  INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE UNIQUE INDEX segmentations_one_current ON segmentations(is_current) WHERE is_current = 1;

-- One row per segment: its size and centroid (JSON array in z-scores, in
-- the order of segmentations.features); the name a steward gave it (null:
-- the app shows "Segment n" in the user's language).
CREATE TABLE segments (
  segmentation_id INTEGER NOT NULL REFERENCES segmentations(id) ON DELETE CASCADE,
  segment         INTEGER NOT NULL,
  name            TEXT,
  size            INTEGER NOT NULL,
  centroid_z      TEXT NOT NULL,
  PRIMARY KEY (segmentation_id, segment)
) STRICT, WITHOUT ROWID;

-- Every customer the run read: its segment, or NULL with the features it
-- lacks (JSON array of names): records missing a feature are listed, not
-- dropped.
CREATE TABLE segment_members (
  segmentation_id INTEGER NOT NULL REFERENCES segmentations(id) ON DELETE CASCADE,
  customer_id     INTEGER NOT NULL,
  segment         INTEGER,
  missing         TEXT,
  PRIMARY KEY (segmentation_id, customer_id)
) STRICT, WITHOUT ROWID;
-- No index on segment: a segment's customers are found by scanning one
-- segmentation's members in key order (tens of milliseconds at a million),
-- and an index would slow the saving of every run.
