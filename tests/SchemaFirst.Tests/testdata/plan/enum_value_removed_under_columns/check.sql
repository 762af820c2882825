SELECT string_agg(status::text || ':' || coalesce(history::text, '-'), ',' ORDER BY id) = 'new:{new},paid:{new,paid},shipped:-' FROM orders
