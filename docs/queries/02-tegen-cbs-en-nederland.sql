-- Our figure (jongeren met jeugdhulp, % of 0-17) against CBS for the same gemeente and against the Netherlands.
-- The CBS figures are in the benchmark table with their status (voorlopig / definitief) in cbs_status.
WITH eigen AS (
  SELECT gemeente_code, periode, waarde
  FROM read_parquet('tables/jongeren_jeugdzorg/*/*/*.parquet', hive_partitioning = false)
  WHERE indicator = 'jongeren_jeugdhulp_pct' AND leeftijdsklasse = 'totaal' AND geslacht = 'totaal'
), bench AS (
  SELECT gemeente_code, periode,
         max(waarde) FILTER (WHERE indicator = 'jongeren_jeugdhulp_pct_cbs') AS cbs,
         max(waarde) FILTER (WHERE indicator = 'jongeren_jeugdhulp_pct_nl') AS nederland,
         max(cbs_status) FILTER (WHERE indicator = 'jongeren_jeugdhulp_pct_cbs') AS cbs_status
  FROM read_parquet('tables/benchmark/*/*/*.parquet', hive_partitioning = false)
  GROUP BY gemeente_code, periode
)
SELECT e.gemeente_code, e.periode, e.waarde AS eigen_pct, b.cbs AS cbs_pct, b.nederland AS nederland_pct, b.cbs_status
FROM eigen e JOIN bench b USING (gemeente_code, periode)
WHERE e.gemeente_code LIKE 'GM%'
ORDER BY e.gemeente_code, e.periode;
