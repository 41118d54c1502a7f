-- The site registry. Plain types only, so that the same script runs on H2 and PostgreSQL.

create table site (
    name              varchar(30)  not null primary key,
    root              varchar(500) not null,  -- holds the sites and the prod/preview links
    directory         varchar(500) not null,  -- absolute, normalized, under root
    state             varchar(20)  not null,
    database_kind     varchar(20)  not null,
    uses_elastic      boolean      not null,
    contact           varchar(64)  not null,  -- Camunda user id of the person who signs off
    url               varchar(500),
    release_notes_url varchar(500),
    created_at        timestamp    not null,
    updated_at        timestamp    not null,
    constraint site_state_known check (state in ('PREVIEW', 'PRODUCTION', 'OLD', 'ARCHIVED')),
    constraint site_database_kind_known check (database_kind in ('SQLITE', 'POSTGRESQL', 'MYSQL'))
);

-- Camunda user ids of the people who decide upgrade attempts of a site.
create table site_tester (
    site    varchar(30) not null references site (name) on delete cascade,
    user_id varchar(64) not null,
    primary key (site, user_id)
);

-- One row per command: the commands of one action run in seq order.
-- action: 'stop', 'start' or 'restart-web'; argv_json: a JSON array of strings, never a shell line.
create table site_service_command (
    site      varchar(30)   not null references site (name) on delete cascade,
    action    varchar(20)   not null,
    seq       integer       not null,
    argv_json varchar(2000) not null,
    primary key (site, action, seq)
);
