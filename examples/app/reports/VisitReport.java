package storelocator.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

public final class VisitReport {
    private static final String FAILURES = """
        SELECT s.store_nm, count(*) AS failures
        FROM store_visits v
        JOIN stores s ON s.store_id = v.store_id
        WHERE v.http_status >= 500 AND v.visited_at > ?
        GROUP BY s.store_nm
        HAVING count(*) > ?
        ORDER BY failures DESC
        """;

    // store_id is a column of both tables.
    private static final String LAST_VISITS =
        "SELECT store_id, max(v.visited_at) AS last_visit " +
        "FROM stores s JOIN store_visits v ON v.store_id = s.store_id " +
        "GROUP BY 1";

    public ResultSet failures(Connection c, Timestamp since, int min) throws SQLException {
        PreparedStatement st = c.prepareStatement(FAILURES);
        st.setTimestamp(1, since);
        st.setInt(2, min);
        return st.executeQuery();
    }

    public ResultSet lastVisits(Connection c) throws SQLException {
        return c.createStatement().executeQuery(LAST_VISITS);
    }

    public ResultSet visitedStores(Connection c, int regionId) throws SQLException {
        PreparedStatement st = c.prepareStatement(
            "SELECT count(*) FROM stores WHERE region_id = ? AND EXISTS (SELECT 1 FROM store_visits v WHERE v.store_id = stores.store_id)");
        st.setInt(1, regionId);
        return st.executeQuery();
    }
}
