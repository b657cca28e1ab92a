WITH
request_period AS MATERIALIZED (
  SELECT json_extract(p.value, '$.p') AS period, p.key AS period_order, json_extract(p.value, '$.m') AS months, json_extract(p.value, '$.w[0]') AS s0, json_extract(p.value, '$.w[1]') AS e0
  FROM json_each(?2) AS p),
cell AS MATERIALIZED (
  SELECT g.value AS geo, g.key AS geo_order, p.period, p.period_order, p.months, p.s0, p.e0
  FROM json_each(?1) AS g CROSS JOIN request_period AS p)
SELECT c.geo,
       c.period,
       (100.0 * CAST(c.i0_value AS REAL) / NULLIF(c.i1_value, 0)) AS value,
       c.i0_value AS numerator,
       c.i1_value AS denominator,
       CASE WHEN (c.i1_value) = 0 THEN 1 ELSE 0 END AS div0,
       c.i0_value AS i0_value,
       c.i0_n AS i0_n,
       c.i0_provisional AS i0_provisional,
       c.i0_suppressed AS i0_suppressed,
       c.i0_complete AS i0_complete,
       c.i0_partial AS i0_partial,
       c.i0_present AS i0_present,
       c.i0_direct AS i0_direct,
       c.i1_value AS i1_value,
       c.i1_n AS i1_n,
       c.i1_provisional AS i1_provisional,
       c.i1_suppressed AS i1_suppressed,
       c.i1_complete AS i1_complete,
       c.i1_partial AS i1_partial,
       c.i1_present AS i1_present,
       c.i1_direct AS i1_direct
FROM (
  SELECT c.*,
         CASE WHEN r0.geo IS NOT NULL THEN r0.value ELSE o0.value END AS i0_value,
         CASE WHEN r0.geo IS NOT NULL THEN r0.n ELSE o0.n END AS i0_n,
         coalesce(r0.provisional, o0.provisional) AS i0_provisional,
         coalesce(r0.suppressed, o0.suppressed) AS i0_suppressed,
         CASE WHEN r0.geo IS NOT NULL OR o0.id IS NOT NULL THEN coalesce(r0.complete, 1) END AS i0_complete,
         CASE WHEN r0.geo IS NOT NULL OR o0.id IS NOT NULL THEN coalesce(r0.partial, 0) END AS i0_partial,
         CASE WHEN r0.geo IS NOT NULL OR o0.id IS NOT NULL THEN 1 END AS i0_present,
         CASE WHEN r0.geo IS NOT NULL OR o0.id IS NOT NULL THEN coalesce(r0.direct, 1) END AS i0_direct,
         CASE WHEN r1.geo IS NOT NULL THEN r1.value ELSE o1.value END AS i1_value,
         CASE WHEN r1.geo IS NOT NULL THEN r1.n ELSE o1.n END AS i1_n,
         coalesce(r1.provisional, o1.provisional) AS i1_provisional,
         coalesce(r1.suppressed, o1.suppressed) AS i1_suppressed,
         CASE WHEN r1.geo IS NOT NULL OR o1.id IS NOT NULL THEN coalesce(r1.complete, 1) END AS i1_complete,
         CASE WHEN r1.geo IS NOT NULL OR o1.id IS NOT NULL THEN coalesce(r1.partial, 0) END AS i1_partial,
         CASE WHEN r1.geo IS NOT NULL OR o1.id IS NOT NULL THEN 1 END AS i1_present,
         CASE WHEN r1.geo IS NOT NULL OR o1.id IS NOT NULL THEN coalesce(r1.direct, 1) END AS i1_direct
  FROM cell AS c
  LEFT JOIN rollup AS r0 ON r0.series_id = (SELECT id FROM series WHERE key = ?3) AND r0.period_start = c.s0 AND r0.period_end = c.e0 AND r0.dims = ?4 AND r0.geo = c.geo
    LEFT JOIN observation AS o0 ON o0.id = CASE WHEN r0.geo IS NULL THEN (SELECT x.id FROM observation AS x WHERE x.series_id = (SELECT id FROM series WHERE key = ?3) AND x.dim_keys = ?5 AND x.geo = c.geo AND x.period_start = c.s0 AND x.period_end = c.e0 AND x.dims = ?4 AND x.superseded_by IS NULL) END
  LEFT JOIN rollup AS r1 ON r1.series_id = (SELECT id FROM series WHERE key = ?6) AND r1.period_start = c.s0 AND r1.period_end = c.e0 AND r1.dims = ?7 AND r1.geo = c.geo
    LEFT JOIN observation AS o1 ON o1.id = CASE WHEN r1.geo IS NULL THEN (SELECT x.id FROM observation AS x WHERE x.series_id = (SELECT id FROM series WHERE key = ?6) AND x.dim_keys = ?8 AND x.geo = c.geo AND x.period_start = c.s0 AND x.period_end = c.e0 AND x.dims = ?7 AND x.superseded_by IS NULL) END) AS c
ORDER BY c.geo_order, c.period_order;

-- parameters
?3 = 'vt.meldingen'
?4 = '{"melder":"Politie"}'
?5 = 'melder'
?6 = 'vt.meldingen'
?7 = '{}'
?8 = ''
