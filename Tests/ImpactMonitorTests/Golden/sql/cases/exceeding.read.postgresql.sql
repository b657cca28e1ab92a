WITH cell AS MATERIALIZED (
  SELECT g.value AS geo, g.key AS geo_order, (jsonb_path_query_first(p.value::jsonb, '$.p'::jsonpath) #>> '{}') AS period,
         p.key AS period_order
  FROM (SELECT value, ordinality - 1 AS key FROM jsonb_array_elements_text($1::jsonb) WITH ORDINALITY) AS g CROSS JOIN (SELECT value, ordinality - 1 AS key FROM jsonb_array_elements_text($2::jsonb) WITH ORDINALITY) AS p)
SELECT c.geo, c.period, r.value, r.numerator, r.denominator, r.n,
       coalesce(r.coverage, 'missing') AS coverage, coalesce(r.excluded, 0) AS excluded,
       coalesce(r.censored, 0) AS censored
FROM cell AS c
LEFT JOIN case_result AS r
  ON r.source_id = $3 AND r.measure = $4 AND r.geo = c.geo AND r.period = c.period
ORDER BY c.geo_order, c.period_order;

-- parameters
$3 = 'rc'
$4 = '86643bb89ccbad61cccd177393e001290d99429a201e3c389472635e49e246a2'
