CREATE TABLE events (id bigint, kind text NOT NULL) PARTITION BY LIST (kind);
CREATE TABLE events_click PARTITION OF events FOR VALUES IN ('click');
CREATE TABLE events_view PARTITION OF events FOR VALUES IN ('view', 'impression');
CREATE TABLE events_other PARTITION OF events DEFAULT;
