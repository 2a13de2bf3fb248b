-- Referrer mix (COD327) of started specialist trajectories, % per verwijzer, with the verwijzer's name from conf/verwijzers.csv codes.
SELECT gemeente_code, periode, verwijzer, waarde AS aandeel_pct, onderdrukt
FROM read_parquet('tables/verwijzers/*/*/*.parquet', hive_partitioning = false)
WHERE indicator = 'specialist_gestart_verwijzer_aandeel' AND verwijzer <> 'totaal'
  AND gemeente_code LIKE 'GM%'
ORDER BY gemeente_code, periode, verwijzer;
