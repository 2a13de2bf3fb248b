-- Declared cost per client by hulpvorm.
SELECT gemeente_code, periode, hulpvorm, waarde AS euro_per_client, onderdrukt
FROM read_parquet('tables/kosten_hulpvorm/*/*/*.parquet', hive_partitioning = false)
WHERE indicator = 'kosten_per_client' AND hulpvorm <> 'totaal' AND gemeente_code LIKE 'GM%'
ORDER BY gemeente_code, periode, hulpvorm;
