package cron

import (
	"context"
	"database/sql"
	"time"
)

// ResetStores runs hourly. It worked until store_visits got its foreign key; since then it fails every hour.
func ResetStores(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, "TRUNCATE stores")
	return err
}

// PruneVisits drops old visits of stores that never opened.
func PruneVisits(ctx context.Context, db *sql.DB, keep time.Duration) (int64, error) {
	res, err := db.ExecContext(ctx, `
		DELETE FROM store_visits AS v
		USING stores AS s
		WHERE s.store_id = v.store_id
		  AND s.opened_on IS NULL
		  AND v.visited_at < now() - $1::interval`, keep.String())
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// TouchStore marks a store as seen.
func TouchStore(ctx context.Context, db *sql.DB, id string) error {
	_, err := db.ExecContext(ctx, "UPDATE stores SET updated_at = now() WHERE store_id = $1", id)
	return err
}
