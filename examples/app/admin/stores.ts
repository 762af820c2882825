import postgres from "postgres";

const sql = postgres(process.env.DATABASE_URL!);
const phone = /^\d{2,4}-\d{2,4}-\d{4}$/;
const quotes = /['"`]/g;

export async function regionCounts() {
  return sql`SELECT region_id, region_nm, stores FROM region_store_counts ORDER BY stores DESC`;
}

export async function visitsSince(storeId: string, since: Date) {
  // The table is store_visits.
  return sql`
    SELECT visited_at, http_status
    FROM store_visit
    WHERE store_id = ${storeId} AND visited_at >= ${since}
  `;
}

export async function priceChanges(storeId: string) {
  return sql`
    SELECT p.sku, p.price, p.checked_on,
           p.price - lag(p.price) OVER (PARTITION BY p.sku ORDER BY p.checked_on) AS change
    FROM price_checks p
    WHERE p.store_id = ${storeId}
      AND p.checked_on >= current_date - 30
  `;
}

export const deleteStore = (id: string) =>
  sql`DELETE FROM stores WHERE store_id = ${id} RETURNING store_id, store_nm`;

export const isPhone = (s: string) => phone.test(s.replace(quotes, ""));
