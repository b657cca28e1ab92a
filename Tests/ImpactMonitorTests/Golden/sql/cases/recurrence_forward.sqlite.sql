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
per AS MATERIALIZED (SELECT DISTINCT period, s, e FROM cell),
ix AS MATERIALIZED (
  SELECT period, case_key, d, geo FROM (
    SELECT p.period, x.case_key, x.event_date AS d, x.geo,
           row_number() OVER (PARTITION BY p.period, x.case_key ORDER BY x.event_date, x.geo) AS nr
    FROM per AS p JOIN case_event AS x
      ON x.source_id = ?3 AND x.superseded_by IS NULL AND x.event_type = ?4
     AND x.event_date >= p.s AND x.event_date < p.e) AS first_events
  WHERE nr = 1),
unit AS MATERIALIZED (
  SELECT c.geo, c.period, i.case_key, i.d
  FROM ix AS i CROSS JOIN area AS a ON a.unit = i.geo AND i.d >= a.valid_from AND (a.valid_until IS NULL OR i.d < a.valid_until) AND (a.earlier_until IS NULL OR a.earlier_until <= i.d)
  CROSS JOIN cell AS c ON c.geo = a.area AND c.period = i.period),
shift AS MATERIALIZED (SELECT d, min(date(d, 'start of month', ?5, '+1 month', '-1 day'), date(d, 'start of month', ?5, '+' || (CAST(strftime('%d', d) AS INTEGER) - 1) || ' days')) AS edge FROM (SELECT DISTINCT d FROM unit) AS dates),
edge AS (SELECT u.*, s.edge FROM unit AS u JOIN shift AS s ON s.d = u.d),
flag AS MATERIALIZED (
  SELECT u.geo, u.period, CASE WHEN u.edge > b.last_day THEN NULL WHEN EXISTS (SELECT 1 FROM case_event AS o CROSS JOIN case_event AS q
          ON q.source_id = ?3 AND q.superseded_by IS NULL AND q.person_key = o.person_key AND q.event_type = ?6 AND q.event_date > u.d AND q.event_date <= u.edge
        WHERE o.source_id = ?3 AND o.superseded_by IS NULL AND o.case_key = u.case_key AND o.person_key <> '') THEN 1 ELSE 0 END AS hit
  FROM edge AS u CROSS JOIN bounds AS b),
agg AS (
  SELECT geo, period, coalesce(sum(hit), 0) AS num, count(hit) AS den,
         sum(CASE WHEN hit IS NULL THEN 1 ELSE 0 END) AS excluded, 0 AS censored
  FROM flag GROUP BY geo, period)
SELECT c.geo, c.period, CASE WHEN c.coverage = '' THEN 100.0 * CAST(a.num AS REAL) / NULLIF(a.den, 0) END AS value, CASE WHEN c.coverage = '' THEN coalesce(a.num, 0) END AS numerator,
       CASE WHEN c.coverage = '' THEN coalesce(a.den, 0) END AS denominator, CASE WHEN c.coverage = '' THEN coalesce(a.den, 0) END AS n,
       c.coverage, coalesce(a.excluded, 0) AS excluded, coalesce(a.censored, 0) AS censored
FROM covered AS c
LEFT JOIN agg AS a ON a.geo = c.geo AND a.period = c.period
ORDER BY c.geo_order, c.period_order;

-- parameters
?3 = 'rc'
?4 = 'afsluiting'
?5 = '+6 months'
?6 = 'melding'
