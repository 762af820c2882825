CREATE TABLE t (id integer PRIMARY KEY, n integer CONSTRAINT n_positive CHECK (n > 0), m integer, CONSTRAINT m_small CHECK (m < 10) NO INHERIT);
