CREATE TABLE measurements (id integer NOT NULL, at date NOT NULL, v numeric) PARTITION BY RANGE (at);
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE measurements_2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE logs (id integer NOT NULL, kind text NOT NULL) PARTITION BY LIST (kind);
CREATE TABLE logs_app PARTITION OF logs FOR VALUES IN ('app');
