indicator aggregates
  value: (((((input0 + input1) + input2) + input3) + input4) + input5)
  input 0: vt.meldingen · time sum, geo sum · own figure first, else member areas · reads observations
  input 1: vt.adviezen · time sum, geo count · from member areas · reads observations
  input 2: vt.meldingen · time sum, geo min · from member areas · reads observations
  input 3: vt.meldingen · time sum, geo max · from member areas · reads observations
  input 4: vt.adviezen · time sum, geo avg · from member areas · reads observations
  input 5: vt.adviezen · time sum, geo median · from member areas · reads observations

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
  SELECT *, min(direct) OVER (PARTITION BY geo, period) AS chosen FROM (
    SELECT geo, period, unit, direct, required, required_members, CASE WHEN count(value) < count(*) THEN NULL ELSE sum(value) END AS value,
           sum(n) AS n, max(provisional) AS provisional, max(suppressed) AS suppressed, min(complete) AS complete
    FROM (SELECT *, row_number() OVER (PARTITION BY geo, period, unit, direct, category ORDER BY grain DESC) AS rank FROM i1_grain) AS ranked
    WHERE rank = 1 GROUP BY geo, period, unit, direct, required, required_members) AS combined),
i1 AS (
  SELECT b.geo, b.period, sum(b.n) AS n, max(b.provisional) AS provisional, max(b.suppressed) AS suppressed, min(b.complete) AS complete,
         CASE WHEN count(CASE WHEN b.complete = 1 THEN b.value END) > 0 AND count(CASE WHEN b.complete = 1 THEN b.value END) < max(b.required_members) THEN 1 ELSE 0 END AS partial, 1 AS present, max(b.direct) AS direct,
         CASE WHEN min(b.complete) = 1 THEN CASE WHEN count(CASE WHEN b.complete = 1 THEN b.value END) > 0 THEN count(CASE WHEN b.complete = 1 THEN b.value END) END END AS value
  FROM i1_best AS b
  WHERE b.direct = b.chosen AND b.required = 1 AND (b.direct = 0 OR b.required_members = 0) GROUP BY b.geo, b.period),
i2_unit AS (
  SELECT *, sum(CASE WHEN direct = 0 AND required = 1 THEN 1 ELSE 0 END) OVER (PARTITION BY geo, period) AS required_members FROM (
    SELECT geo, period, geo AS unit, 1 AS direct, 1 AS required, c.s0 AS window_start, c.e0 AS window_end, months AS cell_months
    FROM cell AS c
    UNION
    SELECT c.geo, c.period, m.member, 0, CASE WHEN g.kind = 'area' THEN 1 ELSE 0 END, c.s0, c.e0, c.months
    FROM cell AS c JOIN membership AS m ON m.region = c.geo
      AND m.valid_from < c.e0 AND (m.valid_until IS NULL OR m.valid_until > c.s0)
    JOIN geo_unit AS g ON g.code = m.member) AS units),
i2_obs AS (
  SELECT u.geo, u.period, u.unit, u.direct, u.required, u.required_members, o.months AS grain, o.period AS sub, o.dims AS category, o.period_start, o.period_end, u.window_end,
         u.cell_months, o.value, o.n, o.provisional, o.suppressed,
         NULL AS last_start
  FROM i2_unit AS u
  JOIN observation AS o ON o.series_id = (SELECT id FROM series WHERE key = ?7)
                AND o.geo = u.unit
                AND o.dim_keys = ?8
                AND o.period_start >= u.window_start
                AND o.period_end <= u.window_end
                AND (o.months > 0 OR u.cell_months = 0)
                AND o.superseded_by IS NULL),
i2_grain AS (
  SELECT geo, period, unit, direct, required, required_members, category, grain, CASE WHEN count(value) < count(*) THEN NULL ELSE sum(value) END AS value,
         sum(n) AS n, max(provisional) AS provisional, max(suppressed) AS suppressed,
         CASE WHEN grain = 0 OR count(DISTINCT sub) * grain = max(cell_months) THEN 1 ELSE 0 END AS complete
  FROM i2_obs GROUP BY geo, period, unit, direct, required, required_members, category, grain),
i2_best AS (
  SELECT *, min(direct) OVER (PARTITION BY geo, period) AS chosen FROM (
    SELECT geo, period, unit, direct, required, required_members, CASE WHEN count(value) < count(*) THEN NULL ELSE sum(value) END AS value,
           sum(n) AS n, max(provisional) AS provisional, max(suppressed) AS suppressed, min(complete) AS complete
    FROM (SELECT *, row_number() OVER (PARTITION BY geo, period, unit, direct, category ORDER BY grain DESC) AS rank FROM i2_grain) AS ranked
    WHERE rank = 1 GROUP BY geo, period, unit, direct, required, required_members) AS combined),
i2 AS (
  SELECT b.geo, b.period, sum(b.n) AS n, max(b.provisional) AS provisional, max(b.suppressed) AS suppressed, min(b.complete) AS complete,
         CASE WHEN count(CASE WHEN b.complete = 1 THEN b.value END) > 0 AND count(CASE WHEN b.complete = 1 THEN b.value END) < max(b.required_members) THEN 1 ELSE 0 END AS partial, 1 AS present, max(b.direct) AS direct,
         CASE WHEN min(b.complete) = 1 THEN min(b.value) END AS value
  FROM i2_best AS b
  WHERE b.direct = b.chosen AND b.required = 1 AND (b.direct = 0 OR b.required_members = 0) GROUP BY b.geo, b.period),
i3_unit AS (
  SELECT *, sum(CASE WHEN direct = 0 AND required = 1 THEN 1 ELSE 0 END) OVER (PARTITION BY geo, period) AS required_members FROM (
    SELECT geo, period, geo AS unit, 1 AS direct, 1 AS required, c.s0 AS window_start, c.e0 AS window_end, months AS cell_months
    FROM cell AS c
    UNION
    SELECT c.geo, c.period, m.member, 0, CASE WHEN g.kind = 'area' THEN 1 ELSE 0 END, c.s0, c.e0, c.months
    FROM cell AS c JOIN membership AS m ON m.region = c.geo
      AND m.valid_from < c.e0 AND (m.valid_until IS NULL OR m.valid_until > c.s0)
    JOIN geo_unit AS g ON g.code = m.member) AS units),
i3_obs AS (
  SELECT u.geo, u.period, u.unit, u.direct, u.required, u.required_members, o.months AS grain, o.period AS sub, o.dims AS category, o.period_start, o.period_end, u.window_end,
         u.cell_months, o.value, o.n, o.provisional, o.suppressed,
         NULL AS last_start
  FROM i3_unit AS u
  JOIN observation AS o ON o.series_id = (SELECT id FROM series WHERE key = ?9)
                AND o.geo = u.unit
                AND o.dim_keys = ?10
                AND o.period_start >= u.window_start
                AND o.period_end <= u.window_end
                AND (o.months > 0 OR u.cell_months = 0)
                AND o.superseded_by IS NULL),
i3_grain AS (
  SELECT geo, period, unit, direct, required, required_members, category, grain, CASE WHEN count(value) < count(*) THEN NULL ELSE sum(value) END AS value,
         sum(n) AS n, max(provisional) AS provisional, max(suppressed) AS suppressed,
         CASE WHEN grain = 0 OR count(DISTINCT sub) * grain = max(cell_months) THEN 1 ELSE 0 END AS complete
  FROM i3_obs GROUP BY geo, period, unit, direct, required, required_members, category, grain),
i3_best AS (
  SELECT *, min(direct) OVER (PARTITION BY geo, period) AS chosen FROM (
    SELECT geo, period, unit, direct, required, required_members, CASE WHEN count(value) < count(*) THEN NULL ELSE sum(value) END AS value,
           sum(n) AS n, max(provisional) AS provisional, max(suppressed) AS suppressed, min(complete) AS complete
    FROM (SELECT *, row_number() OVER (PARTITION BY geo, period, unit, direct, category ORDER BY grain DESC) AS rank FROM i3_grain) AS ranked
    WHERE rank = 1 GROUP BY geo, period, unit, direct, required, required_members) AS combined),
i3 AS (
  SELECT b.geo, b.period, sum(b.n) AS n, max(b.provisional) AS provisional, max(b.suppressed) AS suppressed, min(b.complete) AS complete,
         CASE WHEN count(CASE WHEN b.complete = 1 THEN b.value END) > 0 AND count(CASE WHEN b.complete = 1 THEN b.value END) < max(b.required_members) THEN 1 ELSE 0 END AS partial, 1 AS present, max(b.direct) AS direct,
         CASE WHEN min(b.complete) = 1 THEN max(b.value) END AS value
  FROM i3_best AS b
  WHERE b.direct = b.chosen AND b.required = 1 AND (b.direct = 0 OR b.required_members = 0) GROUP BY b.geo, b.period),
i4_unit AS (
  SELECT *, sum(CASE WHEN direct = 0 AND required = 1 THEN 1 ELSE 0 END) OVER (PARTITION BY geo, period) AS required_members FROM (
    SELECT geo, period, geo AS unit, 1 AS direct, 1 AS required, c.s0 AS window_start, c.e0 AS window_end, months AS cell_months
    FROM cell AS c
    UNION
    SELECT c.geo, c.period, m.member, 0, CASE WHEN g.kind = 'area' THEN 1 ELSE 0 END, c.s0, c.e0, c.months
    FROM cell AS c JOIN membership AS m ON m.region = c.geo
      AND m.valid_from < c.e0 AND (m.valid_until IS NULL OR m.valid_until > c.s0)
    JOIN geo_unit AS g ON g.code = m.member) AS units),
i4_obs AS (
  SELECT u.geo, u.period, u.unit, u.direct, u.required, u.required_members, o.months AS grain, o.period AS sub, o.dims AS category, o.period_start, o.period_end, u.window_end,
         u.cell_months, o.value, o.n, o.provisional, o.suppressed,
         NULL AS last_start
  FROM i4_unit AS u
  JOIN observation AS o ON o.series_id = (SELECT id FROM series WHERE key = ?11)
                AND o.geo = u.unit
                AND o.dim_keys = ?12
                AND o.period_start >= u.window_start
                AND o.period_end <= u.window_end
                AND (o.months > 0 OR u.cell_months = 0)
                AND o.superseded_by IS NULL),
i4_grain AS (
  SELECT geo, period, unit, direct, required, required_members, category, grain, CASE WHEN count(value) < count(*) THEN NULL ELSE sum(value) END AS value,
         sum(n) AS n, max(provisional) AS provisional, max(suppressed) AS suppressed,
         CASE WHEN grain = 0 OR count(DISTINCT sub) * grain = max(cell_months) THEN 1 ELSE 0 END AS complete
  FROM i4_obs GROUP BY geo, period, unit, direct, required, required_members, category, grain),
i4_best AS (
  SELECT *, min(direct) OVER (PARTITION BY geo, period) AS chosen FROM (
    SELECT geo, period, unit, direct, required, required_members, CASE WHEN count(value) < count(*) THEN NULL ELSE sum(value) END AS value,
           sum(n) AS n, max(provisional) AS provisional, max(suppressed) AS suppressed, min(complete) AS complete
    FROM (SELECT *, row_number() OVER (PARTITION BY geo, period, unit, direct, category ORDER BY grain DESC) AS rank FROM i4_grain) AS ranked
    WHERE rank = 1 GROUP BY geo, period, unit, direct, required, required_members) AS combined),
i4 AS (
  SELECT b.geo, b.period, sum(b.n) AS n, max(b.provisional) AS provisional, max(b.suppressed) AS suppressed, min(b.complete) AS complete,
         CASE WHEN count(CASE WHEN b.complete = 1 THEN b.value END) > 0 AND count(CASE WHEN b.complete = 1 THEN b.value END) < max(b.required_members) THEN 1 ELSE 0 END AS partial, 1 AS present, max(b.direct) AS direct,
         CASE WHEN min(b.complete) = 1 THEN avg(b.value) END AS value
  FROM i4_best AS b
  WHERE b.direct = b.chosen AND b.required = 1 AND (b.direct = 0 OR b.required_members = 0) GROUP BY b.geo, b.period),
i5_unit AS (
  SELECT *, sum(CASE WHEN direct = 0 AND required = 1 THEN 1 ELSE 0 END) OVER (PARTITION BY geo, period) AS required_members FROM (
    SELECT geo, period, geo AS unit, 1 AS direct, 1 AS required, c.s0 AS window_start, c.e0 AS window_end, months AS cell_months
    FROM cell AS c
    UNION
    SELECT c.geo, c.period, m.member, 0, CASE WHEN g.kind = 'area' THEN 1 ELSE 0 END, c.s0, c.e0, c.months
    FROM cell AS c JOIN membership AS m ON m.region = c.geo
      AND m.valid_from < c.e0 AND (m.valid_until IS NULL OR m.valid_until > c.s0)
    JOIN geo_unit AS g ON g.code = m.member) AS units),
i5_obs AS (
  SELECT u.geo, u.period, u.unit, u.direct, u.required, u.required_members, o.months AS grain, o.period AS sub, o.dims AS category, o.period_start, o.period_end, u.window_end,
         u.cell_months, o.value, o.n, o.provisional, o.suppressed,
         NULL AS last_start
  FROM i5_unit AS u
  JOIN observation AS o ON o.series_id = (SELECT id FROM series WHERE key = ?13)
                AND o.geo = u.unit
                AND o.dim_keys = ?14
                AND o.period_start >= u.window_start
                AND o.period_end <= u.window_end
                AND (o.months > 0 OR u.cell_months = 0)
                AND o.superseded_by IS NULL),
i5_grain AS (
  SELECT geo, period, unit, direct, required, required_members, category, grain, CASE WHEN count(value) < count(*) THEN NULL ELSE sum(value) END AS value,
         sum(n) AS n, max(provisional) AS provisional, max(suppressed) AS suppressed,
         CASE WHEN grain = 0 OR count(DISTINCT sub) * grain = max(cell_months) THEN 1 ELSE 0 END AS complete
  FROM i5_obs GROUP BY geo, period, unit, direct, required, required_members, category, grain),
i5_best AS (
  SELECT *, min(direct) OVER (PARTITION BY geo, period) AS chosen FROM (
    SELECT geo, period, unit, direct, required, required_members, CASE WHEN count(value) < count(*) THEN NULL ELSE sum(value) END AS value,
           sum(n) AS n, max(provisional) AS provisional, max(suppressed) AS suppressed, min(complete) AS complete
    FROM (SELECT *, row_number() OVER (PARTITION BY geo, period, unit, direct, category ORDER BY grain DESC) AS rank FROM i5_grain) AS ranked
    WHERE rank = 1 GROUP BY geo, period, unit, direct, required, required_members) AS combined),
i5 AS (
  SELECT b.geo, b.period, sum(b.n) AS n, max(b.provisional) AS provisional, max(b.suppressed) AS suppressed, min(b.complete) AS complete,
         CASE WHEN count(CASE WHEN b.complete = 1 THEN b.value END) > 0 AND count(CASE WHEN b.complete = 1 THEN b.value END) < max(b.required_members) THEN 1 ELSE 0 END AS partial, 1 AS present, max(b.direct) AS direct,
         CASE WHEN min(b.complete) = 1 THEN median(b.value) END AS value
  FROM i5_best AS b
  WHERE b.direct = b.chosen AND b.required = 1 AND (b.direct = 0 OR b.required_members = 0) GROUP BY b.geo, b.period)
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
  LEFT JOIN i0 ON i0.geo = c.geo AND i0.period = c.period
  LEFT JOIN i1 ON i1.geo = c.geo AND i1.period = c.period
  LEFT JOIN i2 ON i2.geo = c.geo AND i2.period = c.period
  LEFT JOIN i3 ON i3.geo = c.geo AND i3.period = c.period
  LEFT JOIN i4 ON i4.geo = c.geo AND i4.period = c.period
  LEFT JOIN i5 ON i5.geo = c.geo AND i5.period = c.period) AS c
ORDER BY c.geo_order, c.period_order;

-- parameters
?3 = 'vt.meldingen'
?4 = ''
?5 = 'vt.adviezen'
?6 = ''
?7 = 'vt.meldingen'
?8 = ''
?9 = 'vt.meldingen'
?10 = ''
?11 = 'vt.adviezen'
?12 = ''
?13 = 'vt.adviezen'
?14 = ''
