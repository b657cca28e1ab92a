indicator arithmetic
  value: ((-(input0 + input1) * 2) - 1)
  input 0: vt.meldingen · time sum, geo sum · own figure first, else member areas · reads observations
  input 1: vt.adviezen · time sum, geo sum · own figure first, else member areas · reads observations

WITH
request_period AS MATERIALIZED (
  SELECT json_extract(p.value, '$.p') AS period, p.key AS period_order, json_extract(p.value, '$.m') AS months, json_extract(p.value, '$.w[0]') AS s0, json_extract(p.value, '$.w[1]') AS e0
  FROM json_each(?2) AS p),
cell AS MATERIALIZED (
  SELECT g.value AS geo, g.key AS geo_order, p.period, p.period_order, p.months, p.s0, p.e0
  FROM json_each(?1) AS g CROSS JOIN request_period AS p),
i0_unit AS (
  SELECT *, sum(CASE WHEN direct = 0 AND required = 1 THEN 1 ELSE 0 END) OVER (PARTITION BY geo, period) AS required_members FROM (
    SELECT geo, period, geo AS unit, 1 AS direct, 1 AS required, c.s0 AS window_start, c.e0 AS window_end, months AS cell_months
    FROM cell AS c
    UNION
    SELECT c.geo, c.period, m.member, 0, CASE WHEN g.kind = 'area' THEN 1 ELSE 0 END, c.s0, c.e0, c.months
    FROM cell AS c JOIN membership AS m ON m.region = c.geo
      AND m.valid_from < c.e0 AND (m.valid_until IS NULL OR m.valid_until > c.s0)
    JOIN geo_unit AS g ON g.code = m.member) AS units),
i0_obs AS (
  SELECT u.geo, u.period, u.unit, u.direct, u.required, u.required_members, o.months AS grain, o.period AS sub, o.dims AS category, o.period_start, o.period_end, u.window_end,
         u.cell_months, o.value, o.n, o.provisional, o.suppressed,
         NULL AS last_start
  FROM i0_unit AS u
  JOIN observation AS o ON o.series_id = (SELECT id FROM series WHERE key = ?3)
                AND o.geo = u.unit
                AND o.dim_keys = ?4
                AND o.period_start >= u.window_start
                AND o.period_end <= u.window_end
                AND (o.months > 0 OR u.cell_months = 0)
                AND o.superseded_by IS NULL),
i0_grain AS (
  SELECT geo, period, unit, direct, required, required_members, category, grain, CASE WHEN count(value) < count(*) THEN NULL ELSE sum(value) END AS value,
         sum(n) AS n, max(provisional) AS provisional, max(suppressed) AS suppressed,
         CASE WHEN grain = 0 OR count(DISTINCT sub) * grain = max(cell_months) THEN 1 ELSE 0 END AS complete
  FROM i0_obs GROUP BY geo, period, unit, direct, required, required_members, category, grain),
i0_best AS (
  SELECT *, max(direct) OVER (PARTITION BY geo, period) AS chosen FROM (
    SELECT geo, period, unit, direct, required, required_members, CASE WHEN count(value) < count(*) THEN NULL ELSE sum(value) END AS value,
           sum(n) AS n, max(provisional) AS provisional, max(suppressed) AS suppressed, min(complete) AS complete
    FROM (SELECT *, row_number() OVER (PARTITION BY geo, period, unit, direct, category ORDER BY grain DESC) AS rank FROM i0_grain) AS ranked
    WHERE rank = 1 GROUP BY geo, period, unit, direct, required, required_members) AS combined),
i0 AS (
  SELECT b.geo, b.period, sum(b.n) AS n, max(b.provisional) AS provisional, max(b.suppressed) AS suppressed, min(b.complete) AS complete,
         CASE WHEN max(b.direct) = 0 AND NOT sum(b.required) = max(b.required_members) THEN 1 ELSE 0 END AS partial, 1 AS present, max(b.direct) AS direct,
         CASE WHEN min(b.complete) = 1 AND (max(b.direct) = 1 OR sum(b.required) = max(b.required_members)) THEN CASE WHEN count(b.value) < count(*) THEN NULL ELSE sum(b.value) END END AS value
  FROM i0_best AS b
  WHERE b.direct = b.chosen GROUP BY b.geo, b.period),
i1_unit AS (
  SELECT *, sum(CASE WHEN direct = 0 AND required = 1 THEN 1 ELSE 0 END) OVER (PARTITION BY geo, period) AS required_members FROM (
    SELECT geo, period, geo AS unit, 1 AS direct, 1 AS required, c.s0 AS window_start, c.e0 AS window_end, months AS cell_months
    FROM cell AS c
    UNION
    SELECT c.geo, c.period, m.member, 0, CASE WHEN g.kind = 'area' THEN 1 ELSE 0 END, c.s0, c.e0, c.months
    FROM cell AS c JOIN membership AS m ON m.region = c.geo
      AND m.valid_from < c.e0 AND (m.valid_until IS NULL OR m.valid_until > c.s0)
    JOIN geo_unit AS g ON g.code = m.member) AS units),
i1_obs AS (
  SELECT u.geo, u.period, u.unit, u.direct, u.required, u.required_members, o.months AS grain, o.period AS sub, o.dims AS category, o.period_start, o.period_end, u.window_end,
         u.cell_months, o.value, o.n, o.provisional, o.suppressed,
         NULL AS last_start
  FROM i1_unit AS u
  JOIN observation AS o ON o.series_id = (SELECT id FROM series WHERE key = ?5)
                AND o.geo = u.unit
                AND o.dim_keys = ?6
                AND o.period_start >= u.window_start
                AND o.period_end <= u.window_end
                AND (o.months > 0 OR u.cell_months = 0)
                AND o.superseded_by IS NULL),
i1_grain AS (
  SELECT geo, period, unit, direct, required, required_members, category, grain, CASE WHEN count(value) < count(*) THEN NULL ELSE sum(value) END AS value,
         sum(n) AS n, max(provisional) AS provisional, max(suppressed) AS suppressed,
         CASE WHEN grain = 0 OR count(DISTINCT sub) * grain = max(cell_months) THEN 1 ELSE 0 END AS complete
  FROM i1_obs GROUP BY geo, period, unit, direct, required, required_members, category, grain),
i1_best AS (
  SELECT *, max(direct) OVER (PARTITION BY geo, period) AS chosen FROM (
    SELECT geo, period, unit, direct, required, required_members, CASE WHEN count(value) < count(*) THEN NULL ELSE sum(value) END AS value,
           sum(n) AS n, max(provisional) AS provisional, max(suppressed) AS suppressed, min(complete) AS complete
    FROM (SELECT *, row_number() OVER (PARTITION BY geo, period, unit, direct, category ORDER BY grain DESC) AS rank FROM i1_grain) AS ranked
    WHERE rank = 1 GROUP BY geo, period, unit, direct, required, required_members) AS combined),
i1 AS (
  SELECT b.geo, b.period, sum(b.n) AS n, max(b.provisional) AS provisional, max(b.suppressed) AS suppressed, min(b.complete) AS complete,
         CASE WHEN max(b.direct) = 0 AND NOT sum(b.required) = max(b.required_members) THEN 1 ELSE 0 END AS partial, 1 AS present, max(b.direct) AS direct,
         CASE WHEN min(b.complete) = 1 AND (max(b.direct) = 1 OR sum(b.required) = max(b.required_members)) THEN CASE WHEN count(b.value) < count(*) THEN NULL ELSE sum(b.value) END END AS value
  FROM i1_best AS b
  WHERE b.direct = b.chosen GROUP BY b.geo, b.period)
SELECT c.geo,
       c.period,
       (((-(c.i0_value + c.i1_value)) * ?7) - ?8) AS value,
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
       c.i1_direct AS i1_direct
FROM (
  SELECT c.*,
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
  LEFT JOIN i1 ON i1.geo = c.geo AND i1.period = c.period) AS c
ORDER BY c.geo_order, c.period_order;

-- parameters
?3 = 'vt.meldingen'
?4 = ''
?5 = 'vt.adviezen'
?6 = ''
?7 = 2.0
?8 = 1.0
