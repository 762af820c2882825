-- Queries compiled by sqlc.

-- name: GetStore :one
SELECT store_id, store_nm, addr, tel_no, region_id, opened_on, updated_at
FROM stores
WHERE store_id = $1;

-- name: ListStoresByRegion :many
SELECT s.*
FROM stores s
JOIN regions r ON r.region_id = s.region_id
WHERE r.region_nm = sqlc.arg(region_name)
ORDER BY s.store_nm;

-- name: CountVisitsByStatus :many
SELECT http_status, count(*) AS visits
FROM store_visits
WHERE store_id = @store_id
GROUP BY http_status
ORDER BY http_status;
