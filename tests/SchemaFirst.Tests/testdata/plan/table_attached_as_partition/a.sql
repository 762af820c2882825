CREATE TABLE measurements (id bigint NOT NULL, taken date NOT NULL, v numeric) PARTITION BY RANGE (taken);
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE measurements_2025 (id bigint NOT NULL, taken date NOT NULL, v numeric);
