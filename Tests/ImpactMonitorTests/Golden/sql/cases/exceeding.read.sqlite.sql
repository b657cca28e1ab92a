WITH cell AS MATERIALIZED (
  SELECT g.value AS geo, g.key AS geo_order, json_extract(p.value, '$.p') AS period,
         p.key AS period_order
  FROM json_each(?1) AS g CROSS JOIN json_each(?2) AS p)
SELECT c.geo, c.period, r.value, r.numerator, r.denominator, r.n,
       coalesce(r.coverage, 'missing') AS coverage, coalesce(r.excluded, 0) AS excluded,
       coalesce(r.censored, 0) AS censored
FROM cell AS c
LEFT JOIN case_result AS r
  ON r.source_id = ?3 AND r.measure = ?4 AND r.geo = c.geo AND r.period = c.period
ORDER BY c.geo_order, c.period_order;

-- parameters
?3 = 'rc'
?4 = '86643bb89ccbad61cccd177393e001290d99429a201e3c389472635e49e246a2'
