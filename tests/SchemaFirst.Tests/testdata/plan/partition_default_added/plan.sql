-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:1f67afd394f119cf4dbc0a0061d504475d7763ecdc3eda5e433aa58ab302464a
-- to   sha256:2a9cb80606a39b4e93fa53911708216f059b0d4be3d161401a1faa539c14299f

-- add table public.events_other
CREATE TABLE public.events_other PARTITION OF public.events DEFAULT;

-- add table public.events_view
CREATE TABLE public.events_view PARTITION OF public.events FOR VALUES IN ('view', 'impression');
