CREATE TABLE tenants (id integer PRIMARY KEY);
CREATE TABLE users (tenant_id integer, id integer, PRIMARY KEY (tenant_id, id));
CREATE TABLE posts (id integer PRIMARY KEY, tenant_id integer NOT NULL, author_id integer);
