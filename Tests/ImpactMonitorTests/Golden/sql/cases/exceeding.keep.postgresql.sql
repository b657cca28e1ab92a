INSERT INTO case_result (source_id, measure, geo, period, value, numerator, denominator, n, coverage, excluded, censored)
SELECT $7, $8, r.geo, r.period, CAST(r.value AS double precision), CAST(r.numerator AS double precision), CAST(r.denominator AS double precision), CAST(r.n AS double precision), r.coverage, r.excluded, r.censored
FROM (WITH
cell AS MATERIALIZED (
  SELECT g.value AS geo, g.key AS geo_order, (jsonb_path_query_first(p.value::jsonb, '$.p'::jsonpath) #>> '{}') AS period, p.key AS period_order,
         (jsonb_path_query_first(p.value::jsonb, '$.w[0]'::jsonpath) #>> '{}') AS s, (jsonb_path_query_first(p.value::jsonb, '$.w[1]'::jsonpath) #>> '{}') AS e
  FROM (SELECT value, ordinality - 1 AS key FROM jsonb_array_elements_text($1::jsonb) WITH ORDINALITY) AS g CROSS JOIN (SELECT value, ordinality - 1 AS key FROM jsonb_array_elements_text($2::jsonb) WITH ORDINALITY) AS p),
bounds AS MATERIALIZED (
  SELECT to_char((date_trunc('month', (SELECT min(x.event_date) FROM case_event AS x WHERE x.source_id = $3 AND x.superseded_by IS NULL)::timestamp))::timestamp, 'YYYY-MM-DD')
           AS first_day,
         to_char((date_trunc('month', (SELECT max(x.event_date) FROM case_event AS x WHERE x.source_id = $3 AND x.superseded_by IS NULL)::timestamp) + interval '1 month' - interval '1 day')::timestamp, 'YYYY-MM-DD')
           AS last_day),
covered AS MATERIALIZED (
  SELECT c.*, CASE WHEN b.first_day IS NULL OR c.e <= b.first_day OR c.s > b.last_day THEN 'missing'
     WHEN c.s < b.first_day OR c.e > to_char((b.last_day::date + 1)::timestamp, 'YYYY-MM-DD') THEN 'incomplete' ELSE '' END AS coverage FROM cell AS c CROSS JOIN bounds AS b),
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
      ON x.source_id = $3 AND x.superseded_by IS NULL AND x.event_type = $4
     AND x.event_date >= p.s AND x.event_date < p.e) AS first_events
  WHERE nr = 1),
unit AS MATERIALIZED (
  SELECT c.geo, c.period, i.case_key, i.d
  FROM ix AS i JOIN area AS a ON a.unit = i.geo AND i.d >= a.valid_from AND (a.valid_until IS NULL OR i.d < a.valid_until) AND (a.earlier_until IS NULL OR a.earlier_until <= i.d)
  JOIN cell AS c ON c.geo = a.area AND c.period = i.period),
obs AS (
  SELECT u.geo, u.period, u.d, LEAST(to_char((c.e::date - 1)::timestamp, 'YYYY-MM-DD'), b.last_day) AS cut,
         (SELECT min(q.event_date) FROM case_event AS q
          WHERE q.source_id = $3 AND q.superseded_by IS NULL
            AND q.case_key = u.case_key AND q.event_type = $5 AND q.event_date >= u.d) AS stop
  FROM unit AS u JOIN cell AS c ON c.geo = u.geo AND c.period = u.period CROSS JOIN bounds AS b),
spell AS (
  SELECT geo, period, CASE WHEN stop <= cut THEN 1 ELSE 0 END AS ended,
         ((CASE WHEN stop <= cut THEN stop ELSE cut END)::date - (d)::date) AS t
  FROM obs),
agg AS (
  SELECT geo, period, sum(CASE WHEN t > $6 THEN 1 ELSE 0 END) AS num,
         sum(CASE WHEN ended = 1 OR t > $6 THEN 1 ELSE 0 END) AS den,
         sum(CASE WHEN ended = 0 AND t <= $6 THEN 1 ELSE 0 END) AS excluded,
         sum(1 - ended) AS censored
  FROM spell GROUP BY geo, period)
SELECT c.geo, c.period, CASE WHEN c.coverage = '' THEN 100.0 * CAST(a.num AS double precision) / NULLIF(a.den, 0) END AS value, CASE WHEN c.coverage = '' THEN coalesce(a.num, 0) END AS numerator,
       CASE WHEN c.coverage = '' THEN coalesce(a.den, 0) END AS denominator, CASE WHEN c.coverage = '' THEN coalesce(a.den, 0) END AS n,
       c.coverage, coalesce(a.excluded, 0) AS excluded, coalesce(a.censored, 0) AS censored
FROM covered AS c
LEFT JOIN agg AS a ON a.geo = c.geo AND a.period = c.period
ORDER BY c.geo_order, c.period_order) AS r;

-- parameters
$3 = 'rc'
$4 = 'start'
$5 = 'einde'
$6 = 70
$7 = 'rc'
$8 = '86643bb89ccbad61cccd177393e001290d99429a201e3c389472635e49e246a2'
