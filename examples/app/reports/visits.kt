package storelocator.reports

import java.sql.Connection

private const val TABLE = "store_visits"

fun largestPages(conn: Connection, limit: Int): List<String> {
    val sql = """
        SELECT store_id, avg(bytes) AS avg_bytes
        FROM $TABLE
        GROUP BY store_id
        ORDER BY avg_bytes DESC
        LIMIT $limit
    """
    conn.createStatement().use { st ->
        st.executeQuery(sql).use { rs ->
            val out = mutableListOf<String>()
            while (rs.next()) out += rs.getString("store_id")
            return out
        }
    }
}

fun latency(conn: Connection) =
    // schemafirst:ignore SF802 latency_ms arrives with the next migration (PR #7)
    conn.prepareStatement("SELECT store_id, latency_ms FROM store_visits WHERE visited_at > now() - interval '1 hour'")
