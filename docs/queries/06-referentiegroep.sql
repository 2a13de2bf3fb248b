-- A gemeente against its reference group (gemeenten of similar size; docs/indicators.md): jongeren met jeugdhulp, %.
WITH eigen AS (
  SELECT gemeente_code, periode, waarde
  FROM read_parquet('tables/jongeren_jeugdzorg/*/*/*.parquet', hive_partitioning = false)
  WHERE indicator = 'jongeren_jeugdhulp_pct' AND leeftijdsklasse = 'totaal' AND geslacht = 'totaal'
), ref AS (
  SELECT gemeente_code, periode, waarde
  FROM read_parquet('tables/benchmark/*/*/*.parquet', hive_partitioning = false)
  WHERE indicator = 'jongeren_jeugdhulp_pct_refgroep'
)
SELECT e.gemeente_code, g.naam, e.periode, e.waarde AS eigen_pct, r.waarde AS referentiegroep_pct
FROM eigen e
JOIN ref r USING (gemeente_code, periode)
JOIN read_parquet('dimensions/gemeente.parquet') g ON g.code = e.gemeente_code
WHERE e.gemeente_code LIKE 'GM%'
ORDER BY e.gemeente_code, e.periode;
