CREATE TABLE memberships (user_id integer NOT NULL, group_id integer NOT NULL, CONSTRAINT memberships_pkey PRIMARY KEY (user_id, group_id));
