-- The 13 centrumsteden are compared with each other (averages, comparison pages); a municipality added later is a
-- tenant but not a centrumstad unless the platform says so.
alter table tenancy.tenant add column centrumstad boolean not null default false;
update tenancy.tenant set centrumstad = true
where slug in ('aalst', 'antwerpen', 'brugge', 'genk', 'gent', 'hasselt', 'kortrijk', 'leuven', 'mechelen',
               'oostende', 'roeselare', 'sint-niklaas', 'turnhout');
