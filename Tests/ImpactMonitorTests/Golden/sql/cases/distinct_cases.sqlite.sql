WITH
cell AS MATERIALIZED (
  SELECT g.value AS geo, g.key AS geo_order, json_extract(p.value, '$.p') AS period, p.key AS period_order,
         json_extract(p.value, '$.w[0]') AS s, json_extract(p.value, '$.w[1]') AS e
  FROM json_each(?1) AS g CROSS JOIN json_each(?2) AS p),
bounds AS MATERIALIZED (
  SELECT date((SELECT min(x.event_date) FROM case_event AS x WHERE x.source_id = ?3 AND x.superseded_by IS NULL), 'start of month')
           AS first_day,
         date((SELECT max(x.event_date) FROM case_event AS x WHERE x.source_id = ?3 AND x.superseded_by IS NULL), 'start of month', '+1 month', '-1 day')
           AS last_day),
covered AS MATERIALIZED (
  SELECT c.*, CASE WHEN b.first_day IS NULL OR c.e <= b.first_day OR c.s > b.last_day THEN 'missing'
     WHEN c.s < b.first_day OR c.e > date(b.last_day, '+1 day') THEN 'incomplete' ELSE '' END AS coverage FROM cell AS c CROSS JOIN bounds AS b),
area AS MATERIALIZED (
  SELECT area, unit, valid_from, valid_until,
         max(coalesce(valid_until, '9999-12-31')) OVER (
           PARTITION BY area, unit ORDER BY valid_from
           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier_until
  FROM (SELECT DISTINCT geo AS area, geo AS unit, '0000-01-01' AS valid_from, NULL AS valid_until
        FROM cell
        UNION
        SELECT m.region, m.member, m.valid_from, m.valid_until
        FROM membership AS m WHERE m.region IN (SELECT geo FROM cell)) AS listed),
hit AS (
  SELECT DISTINCT c.geo, c.period, x.case_key AS k
  FROM cell AS c CROSS JOIN area AS a ON a.area = c.geo
  CROSS JOIN case_event AS x ON x.source_id = ?3 AND x.superseded_by IS NULL AND x.geo = a.unit AND x.event_type IN (?7, ?8)
   AND x.event_date >= c.s AND x.event_date < c.e AND a.unit = x.geo AND x.event_date >= a.valid_from AND (a.valid_until IS NULL OR x.event_date < a.valid_until) AND (a.earlier_until IS NULL OR a.earlier_until <= x.event_date)
  WHERE coalesce(json_extract(x.dims, ?4), '') IN (?5, ?6)),
agg AS (SELECT geo, period, count(*) AS num, 0 AS den, 0 AS excluded, 0 AS censored FROM hit GROUP BY geo, period)
SELECT c.geo, c.period, CASE WHEN c.coverage = '' THEN coalesce(a.num, 0) END AS value, NULL AS numerator,
       NULL AS denominator, NULL AS n,
       c.coverage, coalesce(a.excluded, 0) AS excluded, coalesce(a.censored, 0) AS censored
FROM covered AS c
LEFT JOIN agg AS a ON a.geo = c.geo AND a.period = c.period
ORDER BY c.geo_order, c.period_order;

-- parameters
?3 = 'rc'
?4 = '$.leeftijd'
?5 = '0-3'
?6 = '4-11'
?7 = 'melding'
?8 = 'start'
