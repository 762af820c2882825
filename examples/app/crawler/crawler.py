"""Crawls store pages and saves what it finds."""
import psycopg

RECORD_VISIT = """
    INSERT INTO store_visits (store_id, http_status, bytes)
    VALUES (%s, %s, %s)
    RETURNING visit_id, visited_at
"""


def save_store(conn, store):
    # The route that broke in production: the columns are store_nm, addr and tel_no.
    conn.execute(
        "INSERT INTO stores (store_id, name, address, tel, region_id) "
        "VALUES (%s, %s, %s, %s, %s)",
        (store.id, store.name, store.address, store.tel, store.region_id),
    )


def record_visit(conn, store_id, status, size):
    return conn.execute(RECORD_VISIT, (store_id, status, size)).fetchone()


def record_prices(conn, store_id, prices):
    conn.executemany(
        """
        INSERT INTO price_checks (store_id, sku, checked_on, price)
        VALUES (%(store)s, %(sku)s, current_date, %(price)s)
        ON CONFLICT (store_id, sku, checked_on) DO UPDATE SET price = EXCLUDED.price
        """,
        [{"store": store_id, "sku": sku, "price": price} for sku, price in prices],
    )


def stale_stores(conn, days):
    return conn.execute(
        f"""
        SELECT s.store_id, s.store_nm, max(v.visited_at) AS last_visit
        FROM stores AS s
        LEFT JOIN store_visits AS v ON v.store_id = s.store_id
        GROUP BY s.store_id, s.store_nm
        HAVING max(v.visited_at) < now() - make_interval(days => {days})
        ORDER BY last_visit NULLS FIRST
        """
    ).fetchall()


def log(message):
    print("Select a store from the list, or update the region first: " + message)
