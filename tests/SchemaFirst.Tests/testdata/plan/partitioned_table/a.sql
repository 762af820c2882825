CREATE TABLE measurements (id integer NOT NULL, at date NOT NULL, v numeric) PARTITION BY RANGE (at);
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
