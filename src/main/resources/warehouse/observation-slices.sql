-- The statistics part of the warehouse: each block is one step, run in this order by the full rebuild for every
-- indicator and period ({schema} = warehouse_staging, {cells} = warehouse_staging.suppressed_cell, every
-- {pairs(indicator, period)} = true) and by the statistics catch-up for the (indicator, period) pairs whose
-- observations changed ({schema} = warehouse, {cells} = a temporary table of those pairs' hidden cells,
-- {pairs(...)} = membership in a temporary table of the pairs), so both always produce the same rows. Blocks start
-- with a line "--; <name>"; see ObservationSlices and docs/warehouse.md. No semicolons in these comments.
--; fingerprint
-- What the warehouse took in of each scope, indicator and period: the number of observations and a hash of every
-- column it reads, so that a later pass sees which pairs changed without comparing values
select coalesce(o.tenant_id, 0) as scope_key, o.indicator_id, o.period, count(*) as row_count,
       bit_xor(hashint8extended(o.area_id, hashtextextended(o.breakdown, hashfloat8extended(coalesce(o.value, 'NaN'),
           hashtextextended(coalesce(o.missing_reason, ''), cast(o.provisional as int) * 2 + cast(o.estimated as int)))))) as row_hash
from stats.warehouse_observation o
group by 1, 2, 3
--; indicators
-- the published statistics indicators join the plan indicators (keys: a plan indicator's is minus its id)
insert into {schema}.dim_indicator
select s.id, 'stats', s.id, s.tenant_id, s.code, s.name, s.theme, s.unit, s.aggregation, null, null, null, s.threshold
from stats.warehouse_indicator s where s.published
--; delivered
-- the observations as delivered, with primary suppression below the indicator's threshold
select o.tenant_id as tenant_key, d.indicator_key, o.area_id as area_key, t.time_key, o.period, o.breakdown,
       case when o.missing_reason is null and (d.threshold = 0 or o.value >= d.threshold) then o.value end as value,
       case when o.missing_reason is not null then 'missing'
            when d.threshold > 0 and o.value < d.threshold then 'suppressed'
            else 'ok' end as status,
       o.provisional, o.estimated, false as aggregated
from stats.warehouse_observation o
join {schema}.dim_indicator d on d.source = 'stats' and d.source_id = o.indicator_id
join {schema}.dim_time t on t.period_code = o.period
where {pairs(o.indicator_id, o.period)}
--; sums
-- Additive indicators summed from the statistical sectors up to every higher area the source does not give itself
-- (ratio indicators are recomputed from these sums in the last step). Areas form a tree (stats.area.parent_id, whose
-- closure is stats.area_ancestor), so a sector's ancestors are its parent and the parent's ancestors: the sectors
-- are summed per parent first (about a tenth of the rows), and those sums up the parent's closure, instead of
-- every sector row once per ancestor (four times the rows of the statistics, sorted or hashed at once).
insert into {schema}.fact_observation
with by_parent as (
    select o.tenant_id, o.indicator_id, s.parent_id, o.period, o.breakdown, sum(o.value) as value,
           bool_or(o.provisional) as provisional, bool_or(o.estimated) as estimated
    from stats.warehouse_observation o
    join stats.warehouse_area s on s.id = o.area_id and s.level = 'statsec' and s.parent_id is not null
    join stats.warehouse_indicator si on si.id = o.indicator_id and si.aggregation = 'sum' and si.published
    where o.missing_reason is null and {pairs(o.indicator_id, o.period)}
    group by o.tenant_id, o.indicator_id, s.parent_id, o.period, o.breakdown
), sums as (
    select p.tenant_id, p.indicator_id, aa.ancestor_id, p.period, p.breakdown, sum(p.value) as value,
           bool_or(p.provisional) as provisional, bool_or(p.estimated) as estimated
    from by_parent p
    join stats.warehouse_area_ancestor aa on aa.area_id = p.parent_id
    group by p.tenant_id, p.indicator_id, aa.ancestor_id, p.period, p.breakdown
)
select s.tenant_id, d.indicator_key, s.ancestor_id, t.time_key, s.period, s.breakdown,
       case when d.threshold = 0 or s.value >= d.threshold then s.value end,
       case when d.threshold > 0 and s.value < d.threshold then 'suppressed' else 'ok' end,
       s.provisional, s.estimated, true
from sums s
join {schema}.dim_indicator d on d.source = 'stats' and d.source_id = s.indicator_id
join {schema}.dim_time t on t.period_code = s.period
left join (select o.indicator_id, o.area_id, o.period, o.breakdown, coalesce(o.tenant_id, 0) as tenant
           from stats.warehouse_observation o join stats.warehouse_area a on a.id = o.area_id and a.level <> 'statsec'
           where {pairs(o.indicator_id, o.period)}) x
     on x.indicator_id = s.indicator_id and x.area_id = s.ancestor_id and x.period = s.period
     and x.breakdown = s.breakdown and x.tenant = coalesce(s.tenant_id, 0)
where x.indicator_id is null
--; suppress
-- Disclosure control as the public site applies it (docs/security.md): every count cell that is suppressed there,
-- primary or secondary, in the platform's scope or in any tenant's (whose pages show platform data with its own area
-- sets), is suppressed here too.
update {schema}.fact_observation f set value = null, status = 'suppressed'
from {cells} s
join {schema}.dim_indicator d on d.source = 'stats' and d.source_id = s.indicator_id
where f.indicator_key = d.indicator_key and f.area_key = s.area_id and f.period = s.period
  and f.breakdown = s.breakdown and f.status = 'ok'
  and (f.tenant_key is null or f.tenant_key = s.scope_key)
  and {pairs(s.indicator_id, s.period)}
--; suppress_ratio
-- A ratio given by the source whose numerator or denominator cell is suppressed would reveal it (ratio x denominator),
-- so it is suppressed too.
update {schema}.fact_observation f set value = null, status = 'suppressed'
from {schema}.dim_indicator dr
join stats.warehouse_indicator si on si.id = dr.source_id and si.aggregation = 'ratio'
join {cells} s on s.indicator_id in (si.numerator_id, si.denominator_id)
where dr.source = 'stats' and f.indicator_key = dr.indicator_key and f.area_key = s.area_id and f.period = s.period
  and f.breakdown = s.breakdown and f.status = 'ok'
  and (f.tenant_key is null or f.tenant_key = s.scope_key)
  and {pairs(si.id, s.period)}
--; ratios
-- Ratio indicators recomputed as ratio of sums (numerator / denominator x factor) wherever both are known and the
-- source does not give the ratio itself, never an average of ratios. A numerator or denominator counts with its
-- delivered rows and, when additive, its sums (not with ratios recomputed from other indicators).
insert into {schema}.fact_observation
select n.tenant_key, dr.indicator_key, n.area_key, n.time_key, n.period, n.breakdown,
       n.value / d.value * si.factor, 'ok', n.provisional or d.provisional, n.estimated or d.estimated, true
from stats.warehouse_indicator si
join {schema}.dim_indicator dr on dr.source = 'stats' and dr.source_id = si.id
join {schema}.dim_indicator dn on dn.source = 'stats' and dn.source_id = si.numerator_id
join {schema}.dim_indicator dd on dd.source = 'stats' and dd.source_id = si.denominator_id
join {schema}.fact_observation n on n.indicator_key = dn.indicator_key and n.status = 'ok'
     and (not n.aggregated or dn.kind = 'sum')
join {schema}.fact_observation d on d.indicator_key = dd.indicator_key and d.status = 'ok' and d.value <> 0
     and (not d.aggregated or dd.kind = 'sum')
     and d.area_key = n.area_key and d.time_key = n.time_key and d.breakdown = n.breakdown
     and coalesce(d.tenant_key, 0) = coalesce(n.tenant_key, 0)
left join {schema}.fact_observation x on x.indicator_key = dr.indicator_key and x.area_key = n.area_key
     and x.time_key = n.time_key and x.breakdown = n.breakdown and coalesce(x.tenant_key, 0) = coalesce(n.tenant_key, 0)
where si.aggregation = 'ratio' and si.published and x.indicator_key is null and {pairs(si.id, n.period)}
