-- One directory, one site: where a site's directory really is (links resolved), unique, so that two
-- names can never share a directory, and with it make_snapshot.sh or a restore, under two site locks.
alter table site add column real_directory varchar(500);

-- Sites registered before: their directory as registered (the registry also compares the real
-- locations on disk). Where one directory was registered twice, the first name keeps it.
update site set real_directory = directory
 where name = (select min(other.name) from site other where other.directory = site.directory);

create unique index site_real_directory on site (real_directory);
