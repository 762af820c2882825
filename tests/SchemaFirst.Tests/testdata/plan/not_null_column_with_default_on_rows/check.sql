SELECT count(*) = 2 FROM t WHERE status = 'active'
