WITH
cell AS MATERIALIZED (
  SELECT g.value AS geo, g.key AS geo_order, json_extract(p.value, '$.p') AS period, p.key AS period_order,
         json_extract(p.value, '$.m') AS months, json_extract(p.value, '$.w[0]') AS s0, json_extract(p.value, '$.w[1]') AS e0
  FROM json_each(?1) AS g CROSS JOIN json_each(?2) AS p),
i0 AS (
  SELECT c.geo, c.period, CASE WHEN r.geo IS NOT NULL THEN r.n ELSE o.n END AS n,
         coalesce(r.provisional, o.provisional) AS provisional,
         coalesce(r.suppressed, o.suppressed) AS suppressed, coalesce(r.complete, 1) AS complete,
         coalesce(r.partial, 0) AS partial, 1 AS present, coalesce(r.direct, 1) AS direct,
         CASE WHEN r.geo IS NOT NULL THEN r.value ELSE o.value END AS value
  FROM cell AS c
  LEFT JOIN rollup AS r ON r.series_id = (SELECT id FROM series WHERE key = ?3) AND r.period_start = c.s0 AND r.period_end = c.e0 AND r.dims = ?4 AND r.geo = c.geo
    LEFT JOIN observation AS o ON o.id = CASE WHEN r.geo IS NULL THEN (SELECT x.id FROM observation AS x WHERE x.series_id = (SELECT id FROM series WHERE key = ?3) AND x.dim_keys = ?5 AND x.geo = c.geo AND x.period_start = c.s0 AND x.period_end = c.e0 AND x.dims = ?4 AND x.superseded_by IS NULL) END
  WHERE r.geo IS NOT NULL OR o.id IS NOT NULL),
i1 AS (
  SELECT c.geo, c.period, CASE WHEN r.geo IS NOT NULL THEN r.n ELSE o.n END AS n,
         coalesce(r.provisional, o.provisional) AS provisional,
         coalesce(r.suppressed, o.suppressed) AS suppressed, coalesce(r.complete, 1) AS complete,
         coalesce(r.partial, 0) AS partial, 1 AS present, coalesce(r.direct, 1) AS direct,
         CASE WHEN r.geo IS NOT NULL THEN r.value ELSE o.value END AS value
  FROM cell AS c
  LEFT JOIN rollup AS r ON r.series_id = (SELECT id FROM series WHERE key = ?6) AND r.period_start = c.s0 AND r.period_end = c.e0 AND r.dims = ?7 AND r.geo = c.geo
    LEFT JOIN observation AS o ON o.id = CASE WHEN r.geo IS NULL THEN (SELECT x.id FROM observation AS x WHERE x.series_id = (SELECT id FROM series WHERE key = ?6) AND x.dim_keys = ?8 AND x.geo = c.geo AND x.period_start = c.s0 AND x.period_end = c.e0 AND x.dims = ?7 AND x.superseded_by IS NULL) END
  WHERE r.geo IS NOT NULL OR o.id IS NOT NULL)
SELECT c.geo,
       c.period,
       (100.0 * CAST(i0.value AS REAL) / NULLIF(i1.value, 0)) AS value,
       i0.value AS numerator,
       i1.value AS denominator,
       CASE WHEN (i1.value) = 0 THEN 1 ELSE 0 END AS div0,
       i0.value AS i0_value,
       i0.n AS i0_n,
       i0.provisional AS i0_provisional,
       i0.suppressed AS i0_suppressed,
       i0.complete AS i0_complete,
       i0.partial AS i0_partial,
       i0.present AS i0_present,
       i0.direct AS i0_direct,
       i1.value AS i1_value,
       i1.n AS i1_n,
       i1.provisional AS i1_provisional,
       i1.suppressed AS i1_suppressed,
       i1.complete AS i1_complete,
       i1.partial AS i1_partial,
       i1.present AS i1_present,
       i1.direct AS i1_direct
FROM cell AS c
LEFT JOIN i0 ON i0.geo = c.geo AND i0.period = c.period
LEFT JOIN i1 ON i1.geo = c.geo AND i1.period = c.period
ORDER BY c.geo_order, c.period_order;

-- parameters
?3 = 'vt.meldingen'
?4 = '{"melder":"Politie"}'
?5 = 'melder'
?6 = 'vt.meldingen'
?7 = '{}'
?8 = ''
