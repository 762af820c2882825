-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:286c293f3198174de7920ba3f712cd0c69c119d4fe77c7c9f4ffa05f2a69f9aa
-- to   sha256:b0b7ba07dba419b787a43052574a6a2f5ba5b9cedc2c6298e222c7b420e5a3a6

-- add constraint t_qty_check on public.t
ALTER TABLE public.t ADD CONSTRAINT t_qty_check CHECK (qty > 0) NOT VALID;
