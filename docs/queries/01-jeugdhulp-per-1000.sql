-- Young people with jeugdhulp per 1,000 (0-17) per gemeente over time.
-- Run from the output folder (e.g. out/sample/result): duckdb -c ".read ../../../docs/queries/01-jeugdhulp-per-1000.sql"
-- A suppressed cell has waarde NULL and onderdrukt = true: it is unknown, not zero.
SELECT gemeente_code, gemeente_naam, periode, waarde AS per_1000, onderdrukt
FROM read_parquet('tables/jongeren_jeugdzorg/*/*/*.parquet', hive_partitioning = false)
WHERE indicator = 'jongeren_jeugdhulp_per1000'
  AND leeftijdsklasse = 'totaal' AND geslacht = 'totaal'
  AND gemeente_code LIKE 'GM%'
ORDER BY gemeente_code, periode;
