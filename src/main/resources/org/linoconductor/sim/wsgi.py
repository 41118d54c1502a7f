# -*- coding: UTF-8 -*-
# WSGI entry point of the Lino site "{{SITE}}", as getlino writes it.  The
# simulation serves no pages; the file exists because the preview procedure
# renames the site in it.
import os
import sys

sys.path.insert(0, '{{ROOT}}')
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "{{SITE}}.settings")


def application(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [b"Simulated Lino site {{SITE}}\n"]
