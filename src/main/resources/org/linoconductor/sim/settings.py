# -*- coding: UTF-8 -*-
# Settings of the Lino site "{{SITE}}", laid out as getlino writes them.
# Real Lino starts with `from lino_noi.lib.noi.settings import *`; the
# simulated Lino (lino_sim in env/repositories/lino) provides `Site` itself.  Add 'lino.modlib.elastic'
# to the plugins to make `manage.py buildindexes` available.

SITE = Site(globals(), title="{{SITE}}",
            plugins=['countries', 'users', 'contacts', 'notes'])

DEBUG = False
ALLOWED_HOSTS = ['{{SITE}}.example.com']
SECRET_KEY = 'simulated-{{SITE}}-not-secret'

DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.sqlite3',
        'NAME': '{{SITE_DIR}}/default.db',
    }
}

MEDIA_ROOT = '{{SITE_DIR}}/media'
STATIC_ROOT = '{{SITE_DIR}}/static_root'
LOGGING = {'version': 1, 'filename': '{{SITE_DIR}}/log/lino.log'}
