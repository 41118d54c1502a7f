#!/bin/bash
# Copyright 2016-2019 Rumma & Ko Ltd
# initialize this project latest production snapshot

set -e

LOGFILE={{UPGRADES_LOG}}
OLD={{OLD}}
NEW={{SITE_DIR}}

echo initdb_from_prod.sh was started `date` >> $LOGFILE

echo PART1 : MAKE A SNAPSHOT OF $OLD
cd $OLD
. env/bin/activate
python manage.py dump2py -o snapshot2preview

echo PART2 : MIRROR MEDIA FILES AND SNAPSHOT
OPTS="-a --verbose --delete --delete-excluded --delete-during --times --omit-dir-times --log-file $LOGFILE"

function doit {
    nice rsync $OPTS $OLD/$1 $NEW/$1
}

doit media
doit snapshot2preview


echo PART3 : RESTORE SNAPSHOT TO $NEW
cd $NEW
. env/bin/activate
python manage.py run snapshot2preview/restore2preview.py --noinput
python manage.py collectstatic --noinput

echo initdb_from_prod.sh finished `date` >> $LOGFILE
