CREATE TYPE pair AS (a integer, b integer, c text);
