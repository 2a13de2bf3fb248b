-- Prevention flow: young people starting local-team support, and the share with specialist care within 12 months.
SELECT gemeente_code, periode,
       max(waarde) FILTER (WHERE indicator = 'lokaal_gestart') AS lokaal_gestart,
       max(waarde) FILTER (WHERE indicator = 'lokaal_gestart_specialist_12m_pct') AS specialist_binnen_12m_pct,
       bool_or(onderdrukt) AS iets_onderdrukt
FROM read_parquet('tables/preventie/*/*/*.parquet', hive_partitioning = false)
WHERE hulpvorm = 'totaal' AND gemeente_code LIKE 'GM%'
  AND indicator IN ('lokaal_gestart', 'lokaal_gestart_specialist_12m_pct')
GROUP BY gemeente_code, periode
ORDER BY gemeente_code, periode;
