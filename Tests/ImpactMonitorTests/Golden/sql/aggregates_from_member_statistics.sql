WITH
request_period AS MATERIALIZED (
  SELECT json_extract(p.value, '$.p') AS period, p.key AS period_order, json_extract(p.value, '$.m') AS months, json_extract(p.value, '$.w[0]') AS s0, json_extract(p.value, '$.w[1]') AS e0
  FROM json_each(?2) AS p),
cell AS MATERIALIZED (
  SELECT g.value AS geo, g.key AS geo_order, p.period, p.period_order, p.months, p.s0, p.e0
  FROM json_each(?1) AS g CROSS JOIN request_period AS p),
i1 AS (
  SELECT c.geo, c.period, s.n, s.provisional, s.suppressed, s.complete,
         CASE WHEN s.compared > 0 AND s.compared < s.members THEN 1 ELSE 0 END AS partial,
         1 AS present, 0 AS direct, CASE WHEN s.complete = 1 THEN CASE WHEN s.compared > 0 THEN s.compared END END AS value
  FROM cell AS c
  JOIN member_rollup AS s ON s.series_id = (SELECT id FROM series WHERE key = ?6) AND s.period_start = c.s0
    AND s.period_end = c.e0 AND s.dims = ?7 AND s.geo = c.geo
  UNION ALL
  SELECT b.geo, b.period, sum(b.n) AS n, max(b.provisional) AS provisional, max(b.suppressed) AS suppressed, min(b.complete) AS complete,
         CASE WHEN count(CASE WHEN b.complete = 1 THEN b.value END) > 0 AND count(CASE WHEN b.complete = 1 THEN b.value END) < sum(1 - b.own) THEN 1 ELSE 0 END AS partial, 1 AS present, max(b.own) AS direct,
         CASE WHEN min(b.complete) = 1 THEN CASE WHEN count(CASE WHEN b.complete = 1 THEN b.value END) > 0 THEN count(CASE WHEN b.complete = 1 THEN b.value END) END END AS value
  FROM (
    SELECT c.geo, c.period, 1 AS own,
           CASE WHEN r.geo IS NOT NULL OR o.id IS NOT NULL THEN 1 ELSE 0 END AS found,
           CASE WHEN r.geo IS NOT NULL THEN r.value ELSE o.value END AS value,
           CASE WHEN r.geo IS NOT NULL THEN r.n ELSE o.n END AS n,
           coalesce(r.provisional, o.provisional) AS provisional,
           coalesce(r.suppressed, o.suppressed) AS suppressed,
           CASE WHEN r.geo IS NOT NULL THEN r.complete WHEN o.id IS NOT NULL THEN 1 END AS complete
    FROM cell AS c
    LEFT JOIN rollup AS r ON r.series_id = (SELECT id FROM series WHERE key = ?6) AND r.period_start = c.s0 AND r.period_end = c.e0 AND r.dims = ?7 AND r.geo = c.geo AND r.direct = 1
    LEFT JOIN observation AS o ON o.id = CASE WHEN r.geo IS NULL THEN (SELECT x.id FROM observation AS x WHERE x.series_id = (SELECT id FROM series WHERE key = ?6) AND x.dim_keys = ?8 AND x.geo = c.geo AND x.period_start = c.s0 AND x.period_end = c.e0 AND x.dims = ?7 AND x.superseded_by IS NULL) END
    WHERE NOT EXISTS (SELECT 1 FROM member_area AS a WHERE a.region = c.geo AND a.valid_from < c.e0 AND (a.valid_until IS NULL OR a.valid_until > c.s0))
      AND NOT EXISTS (SELECT 1 FROM membership AS m WHERE m.region_set IN (SELECT id FROM region_set) AND m.region = c.geo AND m.valid_from < c.e0 AND (m.valid_until IS NULL OR m.valid_until > c.s0)
                      AND (EXISTS (SELECT 1 FROM rollup AS r WHERE r.series_id = (SELECT id FROM series WHERE key = ?6) AND r.period_start = c.s0 AND r.period_end = c.e0 AND r.dims = ?7 AND r.geo = m.member AND r.direct = 1)
                           OR EXISTS (SELECT 1 FROM observation AS o WHERE o.series_id = (SELECT id FROM series WHERE key = ?6) AND o.dim_keys = ?8 AND o.geo = m.member AND o.period_start = c.s0 AND o.period_end = c.e0 AND o.dims = ?7 AND o.superseded_by IS NULL)))) AS b
  GROUP BY b.geo, b.period HAVING max(b.found) = 1),
i2 AS (
  SELECT c.geo, c.period, s.n, s.provisional, s.suppressed, s.complete,
         CASE WHEN s.compared > 0 AND s.compared < s.members THEN 1 ELSE 0 END AS partial,
         1 AS present, 0 AS direct, CASE WHEN s.complete = 1 THEN s.minimum END AS value
  FROM cell AS c
  JOIN member_rollup AS s ON s.series_id = (SELECT id FROM series WHERE key = ?9) AND s.period_start = c.s0
    AND s.period_end = c.e0 AND s.dims = ?10 AND s.geo = c.geo
  UNION ALL
  SELECT b.geo, b.period, sum(b.n) AS n, max(b.provisional) AS provisional, max(b.suppressed) AS suppressed, min(b.complete) AS complete,
         CASE WHEN count(CASE WHEN b.complete = 1 THEN b.value END) > 0 AND count(CASE WHEN b.complete = 1 THEN b.value END) < sum(1 - b.own) THEN 1 ELSE 0 END AS partial, 1 AS present, max(b.own) AS direct,
         CASE WHEN min(b.complete) = 1 THEN min(b.value) END AS value
  FROM (
    SELECT c.geo, c.period, 1 AS own,
           CASE WHEN r.geo IS NOT NULL OR o.id IS NOT NULL THEN 1 ELSE 0 END AS found,
           CASE WHEN r.geo IS NOT NULL THEN r.value ELSE o.value END AS value,
           CASE WHEN r.geo IS NOT NULL THEN r.n ELSE o.n END AS n,
           coalesce(r.provisional, o.provisional) AS provisional,
           coalesce(r.suppressed, o.suppressed) AS suppressed,
           CASE WHEN r.geo IS NOT NULL THEN r.complete WHEN o.id IS NOT NULL THEN 1 END AS complete
    FROM cell AS c
    LEFT JOIN rollup AS r ON r.series_id = (SELECT id FROM series WHERE key = ?9) AND r.period_start = c.s0 AND r.period_end = c.e0 AND r.dims = ?10 AND r.geo = c.geo AND r.direct = 1
    LEFT JOIN observation AS o ON o.id = CASE WHEN r.geo IS NULL THEN (SELECT x.id FROM observation AS x WHERE x.series_id = (SELECT id FROM series WHERE key = ?9) AND x.dim_keys = ?11 AND x.geo = c.geo AND x.period_start = c.s0 AND x.period_end = c.e0 AND x.dims = ?10 AND x.superseded_by IS NULL) END
    WHERE NOT EXISTS (SELECT 1 FROM member_area AS a WHERE a.region = c.geo AND a.valid_from < c.e0 AND (a.valid_until IS NULL OR a.valid_until > c.s0))
      AND NOT EXISTS (SELECT 1 FROM membership AS m WHERE m.region_set IN (SELECT id FROM region_set) AND m.region = c.geo AND m.valid_from < c.e0 AND (m.valid_until IS NULL OR m.valid_until > c.s0)
                      AND (EXISTS (SELECT 1 FROM rollup AS r WHERE r.series_id = (SELECT id FROM series WHERE key = ?9) AND r.period_start = c.s0 AND r.period_end = c.e0 AND r.dims = ?10 AND r.geo = m.member AND r.direct = 1)
                           OR EXISTS (SELECT 1 FROM observation AS o WHERE o.series_id = (SELECT id FROM series WHERE key = ?9) AND o.dim_keys = ?11 AND o.geo = m.member AND o.period_start = c.s0 AND o.period_end = c.e0 AND o.dims = ?10 AND o.superseded_by IS NULL)))) AS b
  GROUP BY b.geo, b.period HAVING max(b.found) = 1),
i3 AS (
  SELECT c.geo, c.period, s.n, s.provisional, s.suppressed, s.complete,
         CASE WHEN s.compared > 0 AND s.compared < s.members THEN 1 ELSE 0 END AS partial,
         1 AS present, 0 AS direct, CASE WHEN s.complete = 1 THEN s.maximum END AS value
  FROM cell AS c
  JOIN member_rollup AS s ON s.series_id = (SELECT id FROM series WHERE key = ?12) AND s.period_start = c.s0
    AND s.period_end = c.e0 AND s.dims = ?13 AND s.geo = c.geo
  UNION ALL
  SELECT b.geo, b.period, sum(b.n) AS n, max(b.provisional) AS provisional, max(b.suppressed) AS suppressed, min(b.complete) AS complete,
         CASE WHEN count(CASE WHEN b.complete = 1 THEN b.value END) > 0 AND count(CASE WHEN b.complete = 1 THEN b.value END) < sum(1 - b.own) THEN 1 ELSE 0 END AS partial, 1 AS present, max(b.own) AS direct,
         CASE WHEN min(b.complete) = 1 THEN max(b.value) END AS value
  FROM (
    SELECT c.geo, c.period, 1 AS own,
           CASE WHEN r.geo IS NOT NULL OR o.id IS NOT NULL THEN 1 ELSE 0 END AS found,
           CASE WHEN r.geo IS NOT NULL THEN r.value ELSE o.value END AS value,
           CASE WHEN r.geo IS NOT NULL THEN r.n ELSE o.n END AS n,
           coalesce(r.provisional, o.provisional) AS provisional,
           coalesce(r.suppressed, o.suppressed) AS suppressed,
           CASE WHEN r.geo IS NOT NULL THEN r.complete WHEN o.id IS NOT NULL THEN 1 END AS complete
    FROM cell AS c
    LEFT JOIN rollup AS r ON r.series_id = (SELECT id FROM series WHERE key = ?12) AND r.period_start = c.s0 AND r.period_end = c.e0 AND r.dims = ?13 AND r.geo = c.geo AND r.direct = 1
    LEFT JOIN observation AS o ON o.id = CASE WHEN r.geo IS NULL THEN (SELECT x.id FROM observation AS x WHERE x.series_id = (SELECT id FROM series WHERE key = ?12) AND x.dim_keys = ?14 AND x.geo = c.geo AND x.period_start = c.s0 AND x.period_end = c.e0 AND x.dims = ?13 AND x.superseded_by IS NULL) END
    WHERE NOT EXISTS (SELECT 1 FROM member_area AS a WHERE a.region = c.geo AND a.valid_from < c.e0 AND (a.valid_until IS NULL OR a.valid_until > c.s0))
      AND NOT EXISTS (SELECT 1 FROM membership AS m WHERE m.region_set IN (SELECT id FROM region_set) AND m.region = c.geo AND m.valid_from < c.e0 AND (m.valid_until IS NULL OR m.valid_until > c.s0)
                      AND (EXISTS (SELECT 1 FROM rollup AS r WHERE r.series_id = (SELECT id FROM series WHERE key = ?12) AND r.period_start = c.s0 AND r.period_end = c.e0 AND r.dims = ?13 AND r.geo = m.member AND r.direct = 1)
                           OR EXISTS (SELECT 1 FROM observation AS o WHERE o.series_id = (SELECT id FROM series WHERE key = ?12) AND o.dim_keys = ?14 AND o.geo = m.member AND o.period_start = c.s0 AND o.period_end = c.e0 AND o.dims = ?13 AND o.superseded_by IS NULL)))) AS b
  GROUP BY b.geo, b.period HAVING max(b.found) = 1),
i4 AS (
  SELECT c.geo, c.period, s.n, s.provisional, s.suppressed, s.complete,
         CASE WHEN s.compared > 0 AND s.compared < s.members THEN 1 ELSE 0 END AS partial,
         1 AS present, 0 AS direct, CASE WHEN s.complete = 1 THEN s.mean END AS value
  FROM cell AS c
  JOIN member_rollup AS s ON s.series_id = (SELECT id FROM series WHERE key = ?15) AND s.period_start = c.s0
    AND s.period_end = c.e0 AND s.dims = ?16 AND s.geo = c.geo
  UNION ALL
  SELECT b.geo, b.period, sum(b.n) AS n, max(b.provisional) AS provisional, max(b.suppressed) AS suppressed, min(b.complete) AS complete,
         CASE WHEN count(CASE WHEN b.complete = 1 THEN b.value END) > 0 AND count(CASE WHEN b.complete = 1 THEN b.value END) < sum(1 - b.own) THEN 1 ELSE 0 END AS partial, 1 AS present, max(b.own) AS direct,
         CASE WHEN min(b.complete) = 1 THEN avg(b.value) END AS value
  FROM (
    SELECT c.geo, c.period, 1 AS own,
           CASE WHEN r.geo IS NOT NULL OR o.id IS NOT NULL THEN 1 ELSE 0 END AS found,
           CASE WHEN r.geo IS NOT NULL THEN r.value ELSE o.value END AS value,
           CASE WHEN r.geo IS NOT NULL THEN r.n ELSE o.n END AS n,
           coalesce(r.provisional, o.provisional) AS provisional,
           coalesce(r.suppressed, o.suppressed) AS suppressed,
           CASE WHEN r.geo IS NOT NULL THEN r.complete WHEN o.id IS NOT NULL THEN 1 END AS complete
    FROM cell AS c
    LEFT JOIN rollup AS r ON r.series_id = (SELECT id FROM series WHERE key = ?15) AND r.period_start = c.s0 AND r.period_end = c.e0 AND r.dims = ?16 AND r.geo = c.geo AND r.direct = 1
    LEFT JOIN observation AS o ON o.id = CASE WHEN r.geo IS NULL THEN (SELECT x.id FROM observation AS x WHERE x.series_id = (SELECT id FROM series WHERE key = ?15) AND x.dim_keys = ?17 AND x.geo = c.geo AND x.period_start = c.s0 AND x.period_end = c.e0 AND x.dims = ?16 AND x.superseded_by IS NULL) END
    WHERE NOT EXISTS (SELECT 1 FROM member_area AS a WHERE a.region = c.geo AND a.valid_from < c.e0 AND (a.valid_until IS NULL OR a.valid_until > c.s0))
      AND NOT EXISTS (SELECT 1 FROM membership AS m WHERE m.region_set IN (SELECT id FROM region_set) AND m.region = c.geo AND m.valid_from < c.e0 AND (m.valid_until IS NULL OR m.valid_until > c.s0)
                      AND (EXISTS (SELECT 1 FROM rollup AS r WHERE r.series_id = (SELECT id FROM series WHERE key = ?15) AND r.period_start = c.s0 AND r.period_end = c.e0 AND r.dims = ?16 AND r.geo = m.member AND r.direct = 1)
                           OR EXISTS (SELECT 1 FROM observation AS o WHERE o.series_id = (SELECT id FROM series WHERE key = ?15) AND o.dim_keys = ?17 AND o.geo = m.member AND o.period_start = c.s0 AND o.period_end = c.e0 AND o.dims = ?16 AND o.superseded_by IS NULL)))) AS b
  GROUP BY b.geo, b.period HAVING max(b.found) = 1),
i5 AS (
  SELECT c.geo, c.period, s.n, s.provisional, s.suppressed, s.complete,
         CASE WHEN s.compared > 0 AND s.compared < s.members THEN 1 ELSE 0 END AS partial,
         1 AS present, 0 AS direct, CASE WHEN s.complete = 1 THEN s.median END AS value
  FROM cell AS c
  JOIN member_rollup AS s ON s.series_id = (SELECT id FROM series WHERE key = ?18) AND s.period_start = c.s0
    AND s.period_end = c.e0 AND s.dims = ?19 AND s.geo = c.geo
  UNION ALL
  SELECT b.geo, b.period, sum(b.n) AS n, max(b.provisional) AS provisional, max(b.suppressed) AS suppressed, min(b.complete) AS complete,
         CASE WHEN count(CASE WHEN b.complete = 1 THEN b.value END) > 0 AND count(CASE WHEN b.complete = 1 THEN b.value END) < sum(1 - b.own) THEN 1 ELSE 0 END AS partial, 1 AS present, max(b.own) AS direct,
         CASE WHEN min(b.complete) = 1 THEN median(b.value) END AS value
  FROM (
    SELECT c.geo, c.period, 1 AS own,
           CASE WHEN r.geo IS NOT NULL OR o.id IS NOT NULL THEN 1 ELSE 0 END AS found,
           CASE WHEN r.geo IS NOT NULL THEN r.value ELSE o.value END AS value,
           CASE WHEN r.geo IS NOT NULL THEN r.n ELSE o.n END AS n,
           coalesce(r.provisional, o.provisional) AS provisional,
           coalesce(r.suppressed, o.suppressed) AS suppressed,
           CASE WHEN r.geo IS NOT NULL THEN r.complete WHEN o.id IS NOT NULL THEN 1 END AS complete
    FROM cell AS c
    LEFT JOIN rollup AS r ON r.series_id = (SELECT id FROM series WHERE key = ?18) AND r.period_start = c.s0 AND r.period_end = c.e0 AND r.dims = ?19 AND r.geo = c.geo AND r.direct = 1
    LEFT JOIN observation AS o ON o.id = CASE WHEN r.geo IS NULL THEN (SELECT x.id FROM observation AS x WHERE x.series_id = (SELECT id FROM series WHERE key = ?18) AND x.dim_keys = ?20 AND x.geo = c.geo AND x.period_start = c.s0 AND x.period_end = c.e0 AND x.dims = ?19 AND x.superseded_by IS NULL) END
    WHERE NOT EXISTS (SELECT 1 FROM member_area AS a WHERE a.region = c.geo AND a.valid_from < c.e0 AND (a.valid_until IS NULL OR a.valid_until > c.s0))
      AND NOT EXISTS (SELECT 1 FROM membership AS m WHERE m.region_set IN (SELECT id FROM region_set) AND m.region = c.geo AND m.valid_from < c.e0 AND (m.valid_until IS NULL OR m.valid_until > c.s0)
                      AND (EXISTS (SELECT 1 FROM rollup AS r WHERE r.series_id = (SELECT id FROM series WHERE key = ?18) AND r.period_start = c.s0 AND r.period_end = c.e0 AND r.dims = ?19 AND r.geo = m.member AND r.direct = 1)
                           OR EXISTS (SELECT 1 FROM observation AS o WHERE o.series_id = (SELECT id FROM series WHERE key = ?18) AND o.dim_keys = ?20 AND o.geo = m.member AND o.period_start = c.s0 AND o.period_end = c.e0 AND o.dims = ?19 AND o.superseded_by IS NULL)))) AS b
  GROUP BY b.geo, b.period HAVING max(b.found) = 1)
SELECT c.geo,
       c.period,
       (((((c.i0_value + c.i1_value) + c.i2_value) + c.i3_value) + c.i4_value) + c.i5_value) AS value,
       NULL AS numerator,
       NULL AS denominator,
       0 AS div0,
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
       c.i1_direct AS i1_direct,
       c.i2_value AS i2_value,
       c.i2_n AS i2_n,
       c.i2_provisional AS i2_provisional,
       c.i2_suppressed AS i2_suppressed,
       c.i2_complete AS i2_complete,
       c.i2_partial AS i2_partial,
       c.i2_present AS i2_present,
       c.i2_direct AS i2_direct,
       c.i3_value AS i3_value,
       c.i3_n AS i3_n,
       c.i3_provisional AS i3_provisional,
       c.i3_suppressed AS i3_suppressed,
       c.i3_complete AS i3_complete,
       c.i3_partial AS i3_partial,
       c.i3_present AS i3_present,
       c.i3_direct AS i3_direct,
       c.i4_value AS i4_value,
       c.i4_n AS i4_n,
       c.i4_provisional AS i4_provisional,
       c.i4_suppressed AS i4_suppressed,
       c.i4_complete AS i4_complete,
       c.i4_partial AS i4_partial,
       c.i4_present AS i4_present,
       c.i4_direct AS i4_direct,
       c.i5_value AS i5_value,
       c.i5_n AS i5_n,
       c.i5_provisional AS i5_provisional,
       c.i5_suppressed AS i5_suppressed,
       c.i5_complete AS i5_complete,
       c.i5_partial AS i5_partial,
       c.i5_present AS i5_present,
       c.i5_direct AS i5_direct
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
         i1.value AS i1_value,
         i1.n AS i1_n,
         i1.provisional AS i1_provisional,
         i1.suppressed AS i1_suppressed,
         i1.complete AS i1_complete,
         i1.partial AS i1_partial,
         i1.present AS i1_present,
         i1.direct AS i1_direct,
         i2.value AS i2_value,
         i2.n AS i2_n,
         i2.provisional AS i2_provisional,
         i2.suppressed AS i2_suppressed,
         i2.complete AS i2_complete,
         i2.partial AS i2_partial,
         i2.present AS i2_present,
         i2.direct AS i2_direct,
         i3.value AS i3_value,
         i3.n AS i3_n,
         i3.provisional AS i3_provisional,
         i3.suppressed AS i3_suppressed,
         i3.complete AS i3_complete,
         i3.partial AS i3_partial,
         i3.present AS i3_present,
         i3.direct AS i3_direct,
         i4.value AS i4_value,
         i4.n AS i4_n,
         i4.provisional AS i4_provisional,
         i4.suppressed AS i4_suppressed,
         i4.complete AS i4_complete,
         i4.partial AS i4_partial,
         i4.present AS i4_present,
         i4.direct AS i4_direct,
         i5.value AS i5_value,
         i5.n AS i5_n,
         i5.provisional AS i5_provisional,
         i5.suppressed AS i5_suppressed,
         i5.complete AS i5_complete,
         i5.partial AS i5_partial,
         i5.present AS i5_present,
         i5.direct AS i5_direct
  FROM cell AS c
  LEFT JOIN rollup AS r0 ON r0.series_id = (SELECT id FROM series WHERE key = ?3) AND r0.period_start = c.s0 AND r0.period_end = c.e0 AND r0.dims = ?4 AND r0.geo = c.geo
    LEFT JOIN observation AS o0 ON o0.id = CASE WHEN r0.geo IS NULL THEN (SELECT x.id FROM observation AS x WHERE x.series_id = (SELECT id FROM series WHERE key = ?3) AND x.dim_keys = ?5 AND x.geo = c.geo AND x.period_start = c.s0 AND x.period_end = c.e0 AND x.dims = ?4 AND x.superseded_by IS NULL) END
  LEFT JOIN i1 ON i1.geo = c.geo AND i1.period = c.period
  LEFT JOIN i2 ON i2.geo = c.geo AND i2.period = c.period
  LEFT JOIN i3 ON i3.geo = c.geo AND i3.period = c.period
  LEFT JOIN i4 ON i4.geo = c.geo AND i4.period = c.period
  LEFT JOIN i5 ON i5.geo = c.geo AND i5.period = c.period) AS c
ORDER BY c.geo_order, c.period_order;

-- parameters
?3 = 'vt.meldingen'
?4 = '{}'
?5 = ''
?6 = 'vt.adviezen'
?7 = '{}'
?8 = ''
?9 = 'vt.meldingen'
?10 = '{}'
?11 = ''
?12 = 'vt.meldingen'
?13 = '{}'
?14 = ''
?15 = 'vt.adviezen'
?16 = '{}'
?17 = ''
?18 = 'vt.adviezen'
?19 = '{}'
?20 = ''
