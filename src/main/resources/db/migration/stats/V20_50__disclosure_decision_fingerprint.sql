-- Disclosure decisions that survive changes which cannot alter them (issue 20, goal 4): a stored decision carries a
-- fingerprint of the settings it was computed with (the indicator's threshold and aggregation rule, the scope's city,
-- the centrumsteden, the tenant's area sets and the area tree) and a version that is new for every stored
-- computation. Rows are still deleted in the transaction that changes a scope's observations (an import or its undo)
-- or its area sets; any other change (a publication, a description, another module's data) keeps them, and a reader
-- uses a stored decision only when its fingerprint is that of the current settings (else it computes it again).
create sequence stats.disclosure_decision_version;
alter table stats.disclosure_decision
    add column fingerprint varchar(64) not null default '',
    add column version     bigint      not null default nextval('stats.disclosure_decision_version');
comment on column stats.disclosure_decision.fingerprint is 'SHA-256 (hex, 32 characters) of the settings the decision was computed with: threshold, aggregation, city, centrumsteden, area sets, area tree.';
comment on column stats.disclosure_decision.version is 'New for every stored computation: what a reader keeps in memory is keyed by it.';
