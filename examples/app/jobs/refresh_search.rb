# Nightly job: refresh what search reads for stores not updated today.
class RefreshSearch
  STALE = <<~SQL
    SELECT store_id, store_nm
    FROM stores
    WHERE updated_at < now() - interval '1 day'
      AND region_id = ANY($1::int[])
  SQL

  def initialize(conn)
    @conn = conn
  end

  def call(region_ids)
    rows = @conn.exec_params(STALE, ["{#{region_ids.join(',')}}"])
    rows.each do |row|
      # search_text is GENERATED ALWAYS: the database computes it.
      @conn.exec_params("UPDATE stores SET search_text = to_tsvector('simple', $1) WHERE store_id = $2", [row['store_nm'], row['store_id']])
    end
  end
end
