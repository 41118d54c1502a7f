-- What makes a site a preview: the production site it mirrors and whether the nightly sync
-- refreshes it. Owned by the preview feature; the site itself stays in table site.
create table preview_site (
  site             varchar(30)  primary key references site (name) on delete cascade,
  production_site  varchar(30)  not null references site (name),
  nightly_sync     boolean      default true not null,
  created_by_run   varchar(64),
  created_at       timestamp    not null
);
