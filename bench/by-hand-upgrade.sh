#!/usr/bin/env bash
# The seed "Upgrading a production site" as an operator types it, on one site, and nothing more:
# bench/upgrade-vs-hand.sh times it against Conductor's production-upgrade of the same site.
#   go SITE; a; stop the services; ./make_snapshot.sh; ls -l snapshot.zip; ./pull.sh;
#   pm run snapshot/restore.py; pm install; pm collectstatic; pm checkdata -f; start the services.
# (No buildindexes: the demo's site does not use lino.modlib.elastic. No dump2py to compare restore.py:
# the seed calls that optional, and Conductor skips it for a snapshot this small.)
# With COPIES (a directory), also what a careful operator types for the safety Conductor adds (issue 12): before
# stopping anything, the checks of its pre-flight (the service program is there, the database settings as Django
# reads them, the free space), and once the services are stopped, the roll-back's copies of the env (hard links,
# as Conductor's default `conductor.rollback.env-copy: hardlink`) and of the SQLite database, one after the other.
# Usage: SERVICE="sudo service" [COPIES=DIR] bench/by-hand-upgrade.sh SITE_DIR
#   SERVICE: how services are stopped and started (the demo's: data/demo/bin/fake-service)
set -euo pipefail
SERVICE=${SERVICE:-sudo service}
cd "$1"                                   # go myproject
# shellcheck disable=SC1091
. env/bin/activate                        # a
if [ -n "${COPIES:-}" ]; then
  which "${SERVICE%% *}"
  python manage.py shell --command \
    "from django.conf import settings; d = settings.DATABASES['default']; print(d['ENGINE'], d['NAME'])"
  df -Pk .
fi
$SERVICE apache2 stop
$SERVICE supervisor stop
$SERVICE cron stop
if [ -n "${COPIES:-}" ]; then
  cp -a -l -- env "$COPIES/env"
  cp -a -- default.db "$COPIES/default.db"
fi
./make_snapshot.sh
ls -l snapshot.zip
./pull.sh
python manage.py run snapshot/restore.py --noinput
python manage.py install --noinput
python manage.py collectstatic --noinput
python manage.py checkdata -f
$SERVICE apache2 start
$SERVICE supervisor start
$SERVICE cron start
$SERVICE nginx restart
