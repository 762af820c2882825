CREATE TABLE events (id bigint, kind text NOT NULL) PARTITION BY LIST (kind);
CREATE TABLE events_click PARTITION OF events FOR VALUES IN ('click');
