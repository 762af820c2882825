CREATE TABLE t (id integer PRIMARY KEY, owner text);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON t FOR ALL TO PUBLIC USING (owner = current_user) WITH CHECK (owner = current_user);
