-- Migration planned by SchemaFirst (postgres): 6 changes, 6 statements.
-- from sha256:e47b08545b0bff04b70ea646858297853a967f571f126e95090845adad7c4795
-- to   sha256:cd2d327d9359c027311e5eec65c1aaf7309bf5fe4842bd50808249c0cb6c49e0
-- hazards: BC102 x2, DS101 x2, DS103 x1, DS105 x1

-- drop view old.v
DROP VIEW old.v;

-- drop constraint b_a_fkey on old.b
ALTER TABLE old.b DROP CONSTRAINT b_a_fkey;

-- drop table old.a
-- hazard DS101: table old.a and the data in it are gone for good
-- hazard BC102: code that still uses table old.a fails once this runs; deploy the code that stops using it first
DROP TABLE old.a;

-- drop table old.b
-- hazard DS101: table old.b and the data in it are gone for good
-- hazard BC102: code that still uses table old.b fails once this runs; deploy the code that stops using it first
DROP TABLE old.b;

-- drop sequence old.s
-- hazard DS105: sequence old.s (its current value) and the data in it are gone for good
DROP SEQUENCE old.s;

-- drop schema old
-- hazard DS103: schema old and the data in it are gone for good
DROP SCHEMA old;
