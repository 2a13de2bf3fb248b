-- The benchmark's baseline (issue 11, docs/performance.md): the core cube computed by DuckDB from the CSV forms of
-- the inputs (registraties, the flat declarations CSV), every BSN replaced by a keyed hash first, written as
-- Hive-partitioned Parquet. Run by nl.jeugdkubus.bench.DuckDbBaseline, which fills in the ${...} parameters.
-- A simplification of the job's definitions (no linkage of episodes into trajectories, no withdrawals): a baseline
-- for speed on the same work, not an oracle for the figures (that is DuckDbOracleTest).
CREATE TABLE periods AS SELECT * FROM (VALUES ${periods}) p(periode, pstart, pend);
CREATE TABLE mapping AS SELECT column0 AS jz020, column2 AS hulpvorm
  FROM read_csv('${conf}/hulpvorm-mapping.csv', delim = ';', header = false, skip = 1, comment = '#', all_varchar = true);
CREATE TABLE decl AS
  SELECT sha256('${key}' || trim(bsn)) AS pid, gemeentecode AS gemeente, m.hulpvorm,
         coalesce(try_strptime(periode_begin, '%Y-%m-%d'), try_strptime(periode_begin, '%d-%m-%Y'))::DATE AS pb,
         CASE WHEN debet_credit = 'C' THEN -1 ELSE 1 END * TRY_CAST(replace(bedrag, ',', '.') AS DECIMAL(18, 2)) AS euro
  FROM read_csv('${input}/declaraties/*.csv', delim = ';', header = true, all_varchar = true) d
  JOIN mapping m ON m.jz020 = d.productcategorie;
CREATE TABLE regs AS
  SELECT sha256('${key}' || trim(bsn)) AS pid, gemeentecode AS gemeente, soort,
         coalesce(try_strptime(startdatum, '%Y-%m-%d'), try_strptime(startdatum, '%d-%m-%Y'))::DATE AS s,
         coalesce(try_strptime(einddatum, '%Y-%m-%d'), try_strptime(einddatum, '%d-%m-%Y'))::DATE AS e
  FROM read_csv('${input}/registraties/*.csv', delim = ';', header = true, all_varchar = true);
COPY (
  SELECT 'jongeren_specialistisch' AS indicator, p.periode, d.gemeente, d.hulpvorm, count(DISTINCT d.pid)::DOUBLE AS waarde
  FROM decl d JOIN periods p ON d.pb BETWEEN p.pstart AND p.pend WHERE d.hulpvorm <> 'GEEN' GROUP BY ALL
  UNION ALL
  SELECT 'kosten_netto', p.periode, d.gemeente, d.hulpvorm, sum(d.euro)::DOUBLE
  FROM decl d JOIN periods p ON d.pb BETWEEN p.pstart AND p.pend GROUP BY ALL
  UNION ALL
  SELECT 'jongeren_lokaal', p.periode, r.gemeente, '01', count(DISTINCT r.pid)::DOUBLE
  FROM regs r JOIN periods p ON r.s <= p.pend AND (r.e IS NULL OR r.e >= p.pstart) WHERE r.soort = 'lokaal_team' GROUP BY ALL
  UNION ALL
  SELECT 'trajecten_gestart', p.periode, r.gemeente, 'totaal', count(*)::DOUBLE
  FROM regs r JOIN periods p ON r.s BETWEEN p.pstart AND p.pend GROUP BY ALL
  UNION ALL
  SELECT 'trajecten_beeindigd', p.periode, r.gemeente, 'totaal', count(*)::DOUBLE
  FROM regs r JOIN periods p ON r.e BETWEEN p.pstart AND p.pend GROUP BY ALL
) TO '${output}' (FORMAT PARQUET, PARTITION_BY (periode, gemeente), OVERWRITE_OR_IGNORE);
