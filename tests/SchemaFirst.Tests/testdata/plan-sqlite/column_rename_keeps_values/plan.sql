-- Migration planned by SchemaFirst (sqlite): 1 change, 1 statement.
-- from sha256:4ae58c6e3d1309cb0faef188df6ee8164cd5a64f9613eb1952737fb094c209e9
-- to   sha256:20d3f7327dbfbbf6f8a8135f1a9d6660227ac4c90f852ef754b48c49cfb53416
-- hazards: BC101 x1

-- rename column main."Track"."Milliseconds" to "DurationMs"
-- hazard BC101: code that still uses column "Milliseconds" fails once this runs
ALTER TABLE Track RENAME COLUMN Milliseconds TO DurationMs;
