CREATE TABLE docs (id integer PRIMARY KEY, owner name);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_read ON docs FOR SELECT TO PUBLIC USING (true);
CREATE POLICY docs_write ON docs AS RESTRICTIVE FOR UPDATE USING (owner = current_user) WITH CHECK (owner = current_user);
