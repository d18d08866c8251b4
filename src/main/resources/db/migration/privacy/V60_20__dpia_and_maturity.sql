-- P3 of the GDPR module: DPIAs (pre-screening on the WP248 criteria, the CNIL method's sections, risks with
-- likelihood x severity, measures, the DPO's opinion, validation, a signed attachment), the DPIA models
-- (reference data) and the yearly maturity self-assessment. See docs/modules/privacy.md, "DPIA and maturity".

create table privacy.dpia_model (
    code        varchar(40) primary key,
    -- WP248 criteria (be.obmi.privacy.domain.Wp248Criterion) answered "yes" when a DPIA starts from this model
    criteria    varchar(40)[] not null default '{}',
    -- typical risks: [{"kind", "title": {"nl","en"}, "sources": {..}, "impacts": {..}, "likelihood", "severity",
    --                  "residualLikelihood", "residualSeverity"}]
    risks       jsonb       not null default '[]',
    -- typical measures: [{"title": {"nl","en"}, "description": {"nl","en"}}]
    measures    jsonb       not null default '[]',
    sort_order  integer     not null default 0
);
comment on table privacy.dpia_model is 'DPIA models (reference data): the general CNIL method and the smart-city model with pre-filled criteria, risks and measures.';

create table privacy.dpia (
    id                    bigint generated always as identity primary key,
    tenant_id             bigint       not null references tenancy.tenant (id),
    activity_id           bigint       not null references privacy.processing_activity (id),
    model_code            varchar(40)  not null references privacy.dpia_model (code),
    title                 varchar(300) not null,
    state                 varchar(20)  not null default 'DRAFT'
                              check (state in ('DRAFT', 'SUBMITTED', 'VALIDATED', 'REJECTED')),
    -- the pre-screening's outcome: null until concluded; two or more WP248 criteria make it true
    required              boolean,
    screening_reasoning   text,
    screened_at           timestamptz,
    -- the DPO may require a DPIA that the criteria do not
    dpo_required          boolean      not null default false,
    context               text,
    purpose_limitation    text,
    minimisation          text,
    retention             text,
    legal_basis           text,
    information           text,
    rights                text,
    dpo_opinion           text,
    dpo_opinion_by        varchar(100),
    dpo_opinion_at        timestamptz,
    subjects_views        text,
    subjects_not_sought   text,
    evaluator             varchar(100),
    submitted_at          timestamptz,
    validator             varchar(100),
    validated_at          timestamptz,
    validation_remark     text,
    created_by            varchar(100) not null,
    created_at            timestamptz  not null default now(),
    demo                  boolean      not null default false,
    version               integer      not null default 0
);
create index dpia_tenant_idx on privacy.dpia (tenant_id, activity_id);
comment on table privacy.dpia is 'A DPIA of a processing activity: pre-screening outcome, sections, DPO opinion and validation steps.';

create table privacy.dpia_criterion (
    dpia_id    bigint      not null references privacy.dpia (id) on delete cascade,
    tenant_id  bigint      not null references tenancy.tenant (id),
    criterion  varchar(40) not null,
    met        boolean     not null,
    note       text,
    primary key (dpia_id, criterion)
);
comment on table privacy.dpia_criterion is 'The answer (yes/no with a note) on one WP248 criterion in a DPIA''s pre-screening.';

create table privacy.dpia_risk (
    id                  bigint generated always as identity primary key,
    dpia_id             bigint       not null references privacy.dpia (id) on delete cascade,
    tenant_id           bigint       not null references tenancy.tenant (id),
    kind                varchar(30)  not null check (kind in ('ILLEGITIMATE_ACCESS', 'UNWANTED_MODIFICATION',
                                                              'DISAPPEARANCE', 'OTHER')),
    title               varchar(300),
    sources             text,
    impacts             text,
    likelihood          smallint     not null check (likelihood between 1 and 4),
    severity            smallint     not null check (severity between 1 and 4),
    residual_likelihood smallint     not null check (residual_likelihood between 1 and 4),
    residual_severity   smallint     not null check (residual_severity between 1 and 4),
    version             integer      not null default 0
);
create index dpia_risk_dpia_idx on privacy.dpia_risk (dpia_id);
comment on table privacy.dpia_risk is 'A risk of a DPIA with likelihood and severity (1-4) before and after the measures.';

create table privacy.dpia_measure (
    id              bigint generated always as identity primary key,
    dpia_id         bigint       not null references privacy.dpia (id) on delete cascade,
    tenant_id       bigint       not null references tenancy.tenant (id),
    title           varchar(300) not null,
    description     text,
    owner           varchar(200),
    due_date        date,
    status          varchar(20)  not null default 'PLANNED' check (status in ('PLANNED', 'IN_PROGRESS', 'DONE')),
    -- the code of the action in the city's multi-year plan this measure became (module plan)
    plan_item_code  varchar(60),
    version         integer      not null default 0
);
create index dpia_measure_dpia_idx on privacy.dpia_measure (dpia_id);
comment on table privacy.dpia_measure is 'A measure of a DPIA; it may become an action of the multi-year plan (plan_item_code).';

create table privacy.dpia_attachment (
    dpia_id      bigint       primary key references privacy.dpia (id) on delete cascade,
    tenant_id    bigint       not null references tenancy.tenant (id),
    filename     varchar(255) not null,
    size         integer      not null,
    content      bytea        not null,
    uploaded_by  varchar(100) not null,
    uploaded_at  timestamptz  not null default now()
);
comment on table privacy.dpia_attachment is 'The signed DPIA (PDF only), one per DPIA; a new upload replaces it.';

create table privacy.maturity_assessment (
    id          bigint generated always as identity primary key,
    tenant_id   bigint       not null references tenancy.tenant (id),
    year        integer      not null check (year between 2000 and 2100),
    closed_at   timestamptz,
    closed_by   varchar(100),
    demo        boolean      not null default false,
    version     integer      not null default 0,
    unique (tenant_id, year)
);
comment on table privacy.maturity_assessment is 'A city''s yearly GDPR maturity self-assessment (one answer set per year), editable until the DPO closes it.';

create table privacy.maturity_answer (
    assessment_id  bigint      not null references privacy.maturity_assessment (id) on delete cascade,
    tenant_id      bigint      not null references tenancy.tenant (id),
    question       varchar(40) not null,
    score          smallint    not null check (score between 0 and 4),
    primary key (assessment_id, question)
);
comment on table privacy.maturity_answer is 'The score (0-4) on one question (be.obmi.privacy.domain.MaturityQuestion) of a self-assessment.';

insert into privacy.dpia_model (code, criteria, risks, measures, sort_order) values
('ALGEMEEN', '{}', '[
  {"kind": "ILLEGITIMATE_ACCESS", "likelihood": 2, "severity": 3, "residualLikelihood": 1, "residualSeverity": 3,
   "title": {"nl": "Onrechtmatige toegang tot persoonsgegevens", "en": "Illegitimate access to personal data"},
   "sources": {"nl": "Medewerkers zonder noodzaak, externe aanvallers", "en": "Staff without a need, outside attackers"},
   "impacts": {"nl": "Schending van de privacy van de betrokkenen", "en": "Breach of the data subjects'' privacy"}},
  {"kind": "UNWANTED_MODIFICATION", "likelihood": 1, "severity": 2, "residualLikelihood": 1, "residualSeverity": 2,
   "title": {"nl": "Ongewenste wijziging van persoonsgegevens", "en": "Unwanted modification of personal data"},
   "sources": {"nl": "Menselijke fouten, softwarefouten", "en": "Human error, software faults"},
   "impacts": {"nl": "Verkeerde beslissingen over betrokkenen", "en": "Wrong decisions about data subjects"}},
  {"kind": "DISAPPEARANCE", "likelihood": 1, "severity": 2, "residualLikelihood": 1, "residualSeverity": 1,
   "title": {"nl": "Verdwijnen van persoonsgegevens", "en": "Disappearance of personal data"},
   "sources": {"nl": "Defecte opslag, ransomware", "en": "Failing storage, ransomware"},
   "impacts": {"nl": "Dienstverlening valt stil", "en": "Services stop"}}
]', '[
  {"title": {"nl": "Toegangsbeheer op basis van rollen", "en": "Role-based access control"},
   "description": {"nl": "Alleen wie de gegevens nodig heeft, krijgt toegang; toegang wordt jaarlijks herzien.", "en": "Only those who need the data get access; access is reviewed yearly."}},
  {"title": {"nl": "Back-up en hersteltest", "en": "Backup and restore test"},
   "description": {"nl": "Dagelijkse back-up, jaarlijks een hersteltest.", "en": "Daily backup, a restore test every year."}}
]', 1),
('SMART_CITY', '{SYSTEMATIC_MONITORING,INNOVATIVE_TECHNOLOGY,LARGE_SCALE}', '[
  {"kind": "ILLEGITIMATE_ACCESS", "likelihood": 3, "severity": 3, "residualLikelihood": 2, "residualSeverity": 3,
   "title": {"nl": "Onrechtmatige toegang tot camerabeelden of sensordata", "en": "Illegitimate access to camera images or sensor data"},
   "sources": {"nl": "Operatoren zonder noodzaak, leveranciers met beheertoegang, aanvallers via het netwerk", "en": "Operators without a need, suppliers with administrative access, network attackers"},
   "impacts": {"nl": "Volgen van personen in de openbare ruimte, chilling effect", "en": "People tracked in public space, a chilling effect"}},
  {"kind": "OTHER", "likelihood": 3, "severity": 3, "residualLikelihood": 2, "residualSeverity": 2,
   "title": {"nl": "Functieverschuiving: gegevens gebruikt voor een ander doel", "en": "Function creep: data used for another purpose"},
   "sources": {"nl": "Koppeling met andere datasets op het dataplatform", "en": "Linking with other data sets on the data platform"},
   "impacts": {"nl": "Profilering van inwoners zonder rechtsgrond", "en": "Profiling of residents without a legal basis"}},
  {"kind": "DISAPPEARANCE", "likelihood": 2, "severity": 2, "residualLikelihood": 1, "residualSeverity": 2,
   "title": {"nl": "Verlies van beelden die als bewijs nodig zijn", "en": "Loss of images needed as evidence"},
   "sources": {"nl": "Storing van de opslag, te korte bewaartermijn", "en": "Storage failure, too short a retention period"},
   "impacts": {"nl": "Betrokkenen kunnen hun rechten niet uitoefenen", "en": "Data subjects cannot exercise their rights"}}
]', '[
  {"title": {"nl": "Pictogram camerabewaking en informatie op de website", "en": "Camera surveillance sign and information on the website"},
   "description": {"nl": "Het wettelijke pictogram aan elke zone en een pagina met doel, verantwoordelijke en rechten.", "en": "The legal sign at every zone and a page with purpose, controller and rights."}},
  {"title": {"nl": "Bewaartermijn van 30 dagen afdwingen", "en": "Enforce a retention period of 30 days"},
   "description": {"nl": "Beelden worden automatisch na 30 dagen gewist, behalve bij een lopend onderzoek.", "en": "Images are deleted automatically after 30 days, except during an investigation."}},
  {"title": {"nl": "Logging en controle van raadplegingen", "en": "Log and review every viewing"},
   "description": {"nl": "Elke raadpleging wordt gelogd en maandelijks steekproefsgewijs gecontroleerd.", "en": "Every viewing is logged and checked by sample every month."}},
  {"title": {"nl": "Pseudonimisering of aggregatie van sensordata", "en": "Pseudonymise or aggregate sensor data"},
   "description": {"nl": "Tellingen in plaats van individuele sporen op het dataplatform.", "en": "Counts instead of individual traces on the data platform."}}
]', 2);
