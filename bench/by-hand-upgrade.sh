#!/usr/bin/env bash
# The seed "Upgrading a production site" as an operator types it, on one site, and nothing more:
# bench/upgrade-vs-hand.sh times it against Conductor's production-upgrade of the same site.
#   go SITE; a; stop the services; ./make_snapshot.sh; ls -l snapshot.zip; ./pull.sh;
#   pm run snapshot/restore.py; pm install; pm collectstatic; pm checkdata -f; start the services.
# (No buildindexes: the demo's site does not use lino.modlib.elastic. No dump2py to compare restore.py:
# the seed calls that optional, and Conductor skips it for a snapshot this small.)
# Usage: SERVICE="sudo service" bench/by-hand-upgrade.sh SITE_DIR
#   SERVICE: how services are stopped and started (the demo's: data/demo/bin/fake-service)
set -euo pipefail
SERVICE=${SERVICE:-sudo service}
cd "$1"                                   # go myproject
# shellcheck disable=SC1091
. env/bin/activate                        # a
$SERVICE apache2 stop
$SERVICE supervisor stop
$SERVICE cron stop
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
