-- Prevention flow: young people starting local-team support, and the share with specialist care within 12 months.
-- A published lokaal_gestart without a 12-month row means that none of them had specialist care: 0 %.
-- The figures of the latest 12 months of a run are still incomplete (the window has not closed yet).
WITH p AS (
  SELECT gemeente_code, periode, indicator, waarde, onderdrukt
  FROM read_parquet('tables/preventie/*/*/*.parquet', hive_partitioning = false)
  WHERE hulpvorm = 'totaal' AND gemeente_code LIKE 'GM%'
), gestart AS (
  SELECT gemeente_code, periode, waarde, onderdrukt FROM p WHERE indicator = 'lokaal_gestart'
), binnen_12m AS (
  SELECT gemeente_code, periode, waarde, onderdrukt FROM p WHERE indicator = 'lokaal_gestart_specialist_12m_pct'
)
SELECT g.gemeente_code, g.periode,
       g.waarde AS lokaal_gestart,
       CASE WHEN s.onderdrukt IS NULL AND NOT g.onderdrukt THEN 0.0 ELSE s.waarde END AS specialist_binnen_12m_pct,
       g.onderdrukt OR coalesce(s.onderdrukt, false) AS iets_onderdrukt
FROM gestart g LEFT JOIN binnen_12m s USING (gemeente_code, periode)
ORDER BY g.gemeente_code, g.periode;
