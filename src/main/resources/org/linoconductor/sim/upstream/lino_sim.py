# -*- coding: UTF-8 -*-
"""The simulated Lino: what a site's manage.py runs (Python 3 standard library only).

Real Lino cannot be installed where Lino Conductor is tested, so this module
plays Django + Lino: it prints what Lino 21.x prints and exits as it exits
(see LINO.md of the project).  It lives where getlino puts Lino's code, in the
`lino` repository cloned to `env/repositories/lino`, importable through the
environment's easy-install.pth.  Its data are real: an SQLite file named in
settings.py.  The version, the schema and the migrators are files beside this
module, so a `pull.sh` that brings a release changes what `dump2py` writes
and how a restore migrates.

It also runs in the other layout getlino knows: packages pip-installed from
an index into the environment's site-packages (each package's directory on
sys.path through a `<name>.pth`, as easy-install.pth puts the clones there).

Scenario switches: a file `.sim/<scenario>` in the site directory (its
content is the parameter) makes a command fail in one of the ways a real
site fails: abandon, traceback, hang, flood, dangling.
"""
import argparse
import ast
import atexit
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
import sysconfig
import time
import types

CODE_DIR = os.path.dirname(os.path.abspath(__file__))

# Set by execute_from_command_line: the site's manage.py names them.
DJANGO_SETTINGS_MODULE = PROJECT_DIR = SIM_DIR = None


class CommandError(Exception):
    """Like Django's: printed as `CommandError: <message>`, exit status 1."""


# ---------------------------------------------------------------- scenarios

def scenario(name):
    """The parameter of an enabled scenario ('' when the file is empty), else None."""
    path = os.path.join(SIM_DIR, name)
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return f.read().strip()


def scenario_applies(name, command):
    """True when scenario `name` (parameter: `COMMAND [...]`) targets `command`."""
    value = scenario(name)
    return value is not None and value.split()[:1] == [command]


class OperationalError(Exception):
    """Stands for django.db.utils.OperationalError in the traceback scenario."""
    __module__ = 'django.db.utils'  # how the traceback's last line names it


def execute_sql(command):
    # A few frames deep on purpose: the traceback should look like a real one.
    raise OperationalError("database is locked (simulated failure of %s)" % command)


def checkpoint(command):
    """Where a command may hang, run long or crash, as the scenarios say."""
    if scenario_applies('hang', command):
        words = scenario('hang').split()
        hang(command, int(words[1]) if len(words) > 1 else None)
    if scenario_applies('traceback', command):
        execute_sql(command)


def hang(command, seconds):
    """Trickle output forever (or for `seconds`), with a child that keeps running too.

    The child makes a process-tree kill necessary: killing only this process
    leaves the child behind, holding the output pipe open."""
    child = subprocess.Popen([sys.executable, '-c', 'import time\nwhile True: time.sleep(1)'])
    with open(os.path.join(SIM_DIR, 'hang.child-pid'), 'w') as f:
        f.write(str(child.pid))
    elapsed = 0
    while seconds is None or elapsed < seconds:
        print("Still working on %s ... (%d s)" % (command, elapsed), flush=True)
        time.sleep(1)
        elapsed += 1
    child.kill()
    child.wait()


# A place id that no row has: the dangling scenario points a partner at it.
MISSING_PLACE = 9999


def apply_dangling(settings):
    """The dangling scenario (parameter: a partner id): that partner's city is
    place 9999, which does not exist.  Written into the database as a hand edit
    or an old bug leaves it (SQLite does not enforce foreign keys), at the
    first manage.py command; every dump carries it as it is, and every restore
    of such a dump abandons the partner and what depends on it.  A partner
    that is not there (a restore abandoned it) stays away."""
    value = scenario('dangling')
    path = settings.get('DATABASES', {}).get('default', {}).get('NAME')
    if not value or not path or not os.path.exists(path):
        return
    db = sqlite3.connect(path)
    try:
        columns = [row[1] for row in db.execute('PRAGMA table_info("contacts_partner")')]
        if 'city_id' in columns:
            changed = db.execute('UPDATE contacts_partner SET city_id = ? WHERE id = ? AND city_id IS NOT ?',
                                 (MISSING_PLACE, int(value), MISSING_PLACE)).rowcount
            if changed:
                db.commit()
    finally:
        db.close()


# ------------------------------------------------------------ settings, log

class Site:
    """The few attributes of lino.core.site.Site that the simulation needs."""

    def __init__(self, globals_dict, title=None, plugins=()):  # globals_dict: Lino's signature
        self.title = title
        self.plugins = list(plugins)


def load_settings():
    """Execute settings.py the way Django imports DJANGO_SETTINGS_MODULE."""
    parts = DJANGO_SETTINGS_MODULE.split('.')
    path = os.path.join(os.path.dirname(PROJECT_DIR), *parts) + '.py'
    namespace = {'Site': Site, '__file__': path, '__name__': DJANGO_SETTINGS_MODULE}
    with open(path) as f:
        exec(compile(f.read(), path, 'exec'), namespace)
    return namespace


def setup_logging(name):
    """Console gets the bare message; log/lino.log gets Lino's format."""
    logger = logging.getLogger(name)
    logger.setLevel(logging.INFO)
    console = logging.StreamHandler(sys.stdout)
    console.setFormatter(logging.Formatter('%(message)s'))
    logger.addHandler(console)
    log_dir = os.path.join(PROJECT_DIR, 'log')
    if os.path.isdir(log_dir):
        handler = logging.FileHandler(os.path.join(log_dir, 'lino.log'))
        handler.setFormatter(logging.Formatter(
            '%(asctime)s %(levelname)s [%(name)s %(process)d %(thread)d] : %(message)s',
            datefmt='%Y%m-%d %H:%M:%S'))
        logger.addHandler(handler)
    return logger


logger = logging.getLogger('lino')


# ------------------------------------------------------------------- code

def repositories_dir():
    """The clones getlino puts into the environment, this one among them."""
    return os.path.dirname(CODE_DIR)


def code_file(name):
    return os.path.join(CODE_DIR, name)


def code_version():
    with open(code_file('VERSION')) as f:
        return f.read().strip()


class Field:
    def __init__(self, column, kind, default):
        self.column, self.kind, self.default = column, kind, default

    @property
    def target(self):
        """The model a foreign key points to (`fk:<app>.<Model>`), else None."""
        return self.kind[3:] if self.kind.startswith('fk:') else None


class Model:
    def __init__(self, name):
        self.name = name                       # e.g. contacts.Partner
        self.table = name.replace('.', '_').lower()
        self.fields = []

    @property
    def class_name(self):
        return self.name.split('.')[1]

    @property
    def pk(self):
        return next(f for f in self.fields if f.kind in ('pk', 'key'))

    def text(self, row):
        return row.get('name') or row.get('subject') or row.get('username') or ''


def load_schema():
    """Models in load order, read from schema.txt of the `lino` repository.

    One line per field: `<app>.<Model> <column> <kind> [<default>]`."""
    models = {}
    with open(code_file('schema.txt')) as f:
        for line in f:
            line = line.split('#', 1)[0].strip()
            if not line:
                continue
            words = line.split(None, 3)
            default = ast.literal_eval(words[3]) if len(words) > 3 else None
            model = models.setdefault(words[0], Model(words[0]))
            model.fields.append(Field(words[1], words[2], default))
    return list(models.values())


def load_migrators():
    """{from_version: (to_version, description)} from migrations.txt of `lino`."""
    migrators = {}
    with open(code_file('migrations.txt')) as f:
        for line in f:
            line = line.split('#', 1)[0].strip()
            if line:
                source, target, description = line.split(None, 2)
                migrators[source] = (target, description)
    return migrators


# -------------------------------------------------------------- database

def connect(settings):
    return sqlite3.connect(settings['DATABASES']['default']['NAME'])


def create_tables(db, models):
    """Drop every table and create those of the current schema (Lino's initdb)."""
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall():
        db.execute('DROP TABLE "%s"' % table)
    for model in models:
        # Only primary keys are typed: other columns keep what Python gives (SQLite's "no affinity").
        columns = ', '.join('"%s"%s' % (f.column, {'pk': ' INTEGER PRIMARY KEY', 'key': ' TEXT PRIMARY KEY'}
                                          .get(f.kind, '')) for f in model.fields)
        db.execute('CREATE TABLE "%s" (%s)' % (model.table, columns))


def insert(db, model, row):
    columns = [f.column for f in model.fields]
    db.execute('INSERT INTO "%s" (%s) VALUES (%s)' % (
        model.table, ', '.join('"%s"' % c for c in columns), ', '.join('?' * len(columns))),
        [row.get(c) for c in columns])


def read_rows(db, model):
    """Rows as dicts ordered by primary key, so that dumps are reproducible."""
    cursor = db.execute('SELECT * FROM "%s" ORDER BY "%s"' % (model.table, model.pk.column))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values)) for values in cursor.fetchall()]


def confirm_initdb(settings, interactive):
    if not interactive:
        return
    print("We are going to flush your database (%s).\nAre you sure (y/n) ?" %
          settings['DATABASES']['default']['NAME'], end=' ', flush=True)
    answer = sys.stdin.readline()
    if answer.strip().lower() not in ('y', 'yes'):
        raise CommandError("User abort.")


# ------------------------------------------------------------ demo data

COUNTRIES = [('BE', 'Belgium'), ('DE', 'Germany'), ('EE', 'Estonia'), ('FR', 'France'),
             ('LU', 'Luxembourg'), ('NL', 'Netherlands'), ('CH', 'Switzerland'),
             ('AT', 'Austria'), ('IT', 'Italy'), ('ES', 'Spain')]
FIRST_NAMES = ['Anna', 'Bernd', 'Chantal', 'Dirk', 'Erna', 'Frank', 'Gerda', 'Hans', 'Ines', 'Jan']
DEMO_PARTNERS = 150  # the abandon scenario fails the partners with the highest keys
LAST_NAMES = ['Arens', 'Braun', 'Collard', 'Dericum', 'Emonts', 'Faymonville', 'Gernay',
              'Hilgers', 'Ingels', 'Jacobs', 'Kaivers', 'Lambertz', 'Meier', 'Niessen', 'Ochs']


def demo_rows():
    """225 deterministic rows.  Partners 1-100 may have a parent with a higher
    primary key (a restore defers them); partners 101-150 are referenced by
    nobody, so the abandon scenario can drop up to 50 of them cleanly."""
    rows = {'countries.Country': [dict(isocode=c, name=n) for c, n in COUNTRIES],
            'users.User': [dict(id=i, username=u.lower(), first_name=u, last_name='Admin' if i == 1 else 'User',
                                user_type='900' if i == 1 else '100')
                           for i, u in enumerate(['Robin', 'Rolf', 'Romain', 'Rando', 'Ronja'], 1)]}
    partners = []
    for i in range(1, DEMO_PARTNERS + 1):
        first, last = FIRST_NAMES[i % 10], LAST_NAMES[i % 15]
        partners.append(dict(id=i, name='%s %s' % (first, last), email='%s.%s%d@example.com' % (
            first.lower(), last.lower(), i), country_id=COUNTRIES[i % 10][0],
            parent_id=i + 7 if i % 9 == 0 and i <= 90 else None))
    rows['contacts.Partner'] = partners
    rows['notes.Note'] = [dict(id=i, partner_id=(i * 3) % 100 + 1, user_id=i % 5 + 1,
                               subject='Note %d about the upgrade' % i) for i in range(1, 61)]
    return rows


# -------------------------------------------------------------- dump2py

def dump2py(settings, argv):
    parser = argparse.ArgumentParser(prog='manage.py dump2py')
    parser.add_argument('output_dir')
    parser.add_argument('-o', '--overwrite', action='store_true',
                        help="Don't complain if the specified output_dir exists.")
    parser.add_argument('--noinput', action='store_false', dest='interactive')
    parser.add_argument('--tolerate', action='store_true',
                        help='Tolerate database errors (nothing fails here).')
    parser.add_argument('-m', '--max-row-count', type=int, default=50000)
    options = parser.parse_args(argv)
    output_dir = os.path.abspath(options.output_dir)
    if os.path.exists(output_dir) and not options.overwrite:
        raise CommandError("Specified output_dir %s already exists. "
                           "Delete it yourself if you dare!" % output_dir)
    checkpoint('dump2py')
    os.makedirs(output_dir, exist_ok=True)
    models, version = load_schema(), code_version()
    db = connect(settings)
    count = 0
    files = []
    for model in models:
        rows = read_rows(db, model)
        count += len(rows)
        chunks = [rows[i:i + options.max_row_count]
                  for i in range(0, len(rows), options.max_row_count)] or [[]]
        for n, chunk in enumerate(chunks, 1):
            name = model.table if len(chunks) == 1 else '%s_%d' % (model.table, n)
            files.append(name + '.py')
            write_table_file(os.path.join(output_dir, name + '.py'), model, chunk)
    with open(os.path.join(output_dir, 'restore.py'), 'w') as f:
        f.write(restore_script(models, files, version))
    logger.info("Wrote %d objects to %s and siblings.", count, os.path.join(output_dir, 'restore.py'))


def write_table_file(path, model, rows):
    """A column the database lacks (new code, old data) is dumped with its default."""
    columns = [f.column for f in model.fields]
    with open(path, 'w') as f:
        f.write('# -*- coding: UTF-8 -*-\n')
        f.write('logger.info("Loading %d objects to table %s...")\n' % (len(rows), model.table))
        f.write('# fields: %s\n' % ', '.join(columns))
        for row in rows:
            f.write('loader.save(create_%s(%s))\n' % (model.table, ','.join(repr(row.get(f.column, f.default)) for f in model.fields)))
        f.write('\nloader.flush_deferred_objects()\n')


def restore_script(models, files, version):
    """restore.py as Lino's dump2py writes it: it depends only on code and schema."""
    out = ['#!/usr/bin/env python',
           '# -*- coding: UTF-8 -*-',
           '# This is a Python dump created using dump2py.',
           "# DJANGO_SETTINGS_MODULE was %r, TIME_ZONE was 'UTC'." % DJANGO_SETTINGS_MODULE,
           '',
           'from __future__ import unicode_literals',
           '',
           "SOURCE_VERSION = '%s'" % version,
           '',
           'import os',
           'import argparse',
           'from lino_sim import DpyLoader, call_command, logger, resolve_model',
           '',
           '',
           'def execfile(fn, *args):',
           '    logger.info("Execute file %s ...", fn)',
           '    exec(compile(open(fn, "rb").read(), fn, "exec"), *args)',
           '',
           '']
    for model in models:
        var = model.name.replace('.', '_')
        columns = [f.column for f in model.fields]
        out += ['%s = resolve_model(%r)' % (var, model.name), '',
                '',
                'def create_%s(%s):' % (model.table, ', '.join(columns)),
                '    kw = dict()']
        out += ['    kw.update(%s=%s)' % (c, c) for c in columns]
        out += ['    return %s(**kw)' % var, '', '']
    out += ['def main(args):',
            '    loader = DpyLoader(globals())',
            "    call_command('initdb', interactive=args.interactive)",
            '    os.chdir(os.path.dirname(__file__))',
            '    loader.initialize()',
            '    args = (globals(), locals())',
            '']
    out += ['    execfile("%s", *args)' % name for name in files]
    out += ['    loader.finalize()',
            '    logger.info("Loaded %d objects", loader.count_objects)',
            '',
            '',
            "if __name__ == '__main__':",
            "    parser = argparse.ArgumentParser(description='Restore the data.')",
            "    parser.add_argument('--noinput', dest='interactive', action='store_false', default=True,",
            '                        help="Don\'t ask for confirmation before flushing the database.")',
            '    main(parser.parse_args())',
            '']
    return '\n'.join(out)


# ------------------------------------------------ run (restore.py runtime)

# The database and settings of a `run`: restore.py reaches them through call_command and DpyLoader.
SETTINGS = DB = None


class Instance:
    """What a create_<table>() of restore.py returns: a model and its values."""

    def __init__(self, model_name, values):
        self.model_name, self.values = model_name, values


def resolve_model(name):
    return lambda **kw: Instance(name, kw)


def call_command(name, interactive=True):
    if name != 'initdb':
        raise CommandError("Unknown command: %r" % name)
    confirm_initdb(SETTINGS, interactive)
    create_tables(DB, load_schema())


class CountryDoesNotExist(Exception):
    """Django's Country.DoesNotExist, raised for the partners of the abandon scenario."""
    __module__, __qualname__ = 'lino_xl.lib.countries.models', 'Country.DoesNotExist'


def lookup_country(isocode):
    raise CountryDoesNotExist("Country matching query does not exist.")


class DpyLoader:
    """Saves restored instances, defers those whose foreign keys are not yet
    there, retries them and abandons what still fails (as lino.utils.dpy)."""

    def __init__(self, globals_dict):
        self.globals_dict = globals_dict
        self.models = {m.name: m for m in load_schema()}
        self.saved_pks = {name: set() for name in self.models}
        self.save_later = {}          # model name -> {message: [instance]}
        self.saved_since_flush = 0
        self.count_objects = 0
        self.victims = int(scenario('abandon') or 0)
        self.flood_bytes = int(float(scenario('flood') or 0) * 1024 * 1024)
        self.checkpoint_done = False

    def initialize(self):
        """Chain the migrators from SOURCE_VERSION up to the code's version."""
        version, target = self.globals_dict['SOURCE_VERSION'], code_version()
        if version == target:
            # Objects are abandoned by a migration: the code that wrote a snapshot restores it whole
            # (so a roll-back to the old code and its snapshot works even with the switch on).
            self.victims = 0
        migrators = load_migrators()
        while version != target:
            if version not in migrators:
                logger.warning("No method for migrating from version %s to %s", version, target)
                break
            new_version, description = migrators[version]
            logger.info("Migrating from version %s to %s:\n%s", version, new_version, description)
            version = new_version

    def save(self, instance):
        model = self.models[instance.model_name]
        values = {f.column: instance.values.get(f.column, f.default) for f in model.fields}
        instance.values = values  # fields of the new schema get their default: the migration
        error = self.try_save(model, values, report=True)
        if error:
            logger.info("Deferred %s #%s (%r) : %s", model.class_name, values[model.pk.column],
                        model.text(values), error)
            self.save_later.setdefault(model.name, {}).setdefault(error, []).append(instance)

    def try_save(self, model, values, report=False):
        """None when saved, else the error message.  With `report`, a failed
        lookup also logs its traceback, as Lino does for failed saves: a
        traceback in a restore's output does not mean it failed."""
        if model.name == 'contacts.Partner' and values['id'] > DEMO_PARTNERS - self.victims:
            try:
                lookup_country(values['country_id'])
            except CountryDoesNotExist as e:
                if report:
                    logger.exception("Failed to save %s #%s:", model.class_name, values['id'])
                return str(e)
        for f in model.fields:
            value = values[f.column]
            if f.target and value is not None and value not in self.saved_pks[f.target]:
                return "{'%s': ['%s instance with id %s does not exist.']}" % (
                    f.column[:-3], f.target.split('.')[1], value)
        insert(DB, model, values)
        self.saved_pks[model.name].add(values[model.pk.column])
        self.saved_since_flush += 1
        self.count_objects += 1
        return None

    def flush_deferred_objects(self):
        if not self.checkpoint_done:  # a crash in the middle leaves a half-restored database
            self.checkpoint_done = True
            DB.commit()
            checkpoint('run')
        self.flood()
        while self.saved_since_flush and self.save_later:
            pending = [(name, i) for name, groups in self.save_later.items()
                       for instances in groups.values() for i in instances]
            logger.info("Trying to save %d deferred objects.", len(pending))
            self.save_later, self.saved_since_flush = {}, 0
            for name, instance in pending:
                error = self.try_save(self.models[name], instance.values)
                if error:
                    self.save_later.setdefault(name, {}).setdefault(error, []).append(instance)
            logger.info("Saved %d objects.", self.saved_since_flush)

    def flood(self):
        """The flood scenario: megabytes of Deferred lines, on stdout only (too fast for logging)."""
        line = "Deferred Partner #%d ('Flood') : {'parent': ['Partner instance with id %d does not exist.']}\n"
        written, n = 0, 0
        while written < self.flood_bytes:
            chunk = ''.join(line % (n + i, n + i + 1) for i in range(1000))
            sys.stdout.write(chunk)
            written += len(chunk)
            n += 1000
        self.flood_bytes = 0

    def finalize(self):
        self.flush_deferred_objects()
        if self.save_later:
            count, lines = 0, ''
            for name, groups in self.save_later.items():
                for message, instances in groups.items():
                    pks = [str(i.values[self.models[name].pk.column]) for i in instances]
                    lines += "\n- %s %s (%d object(s) with primary key %s)" % (
                        name, message, len(instances), ', '.join(pks))
                    count += len(instances)
            logger.warning("Abandoning with %d unsaved instances:%s", count, lines)
        DB.commit()


def run(settings, argv):
    """Execute a Python script in the site's context (Lino's `run` command)."""
    if not argv:
        raise CommandError("Error: the following arguments are required: filename")
    script = argv[0]
    atexit.register(lambda: logger.info("Done manage.py run %s (PID %d)", script, os.getpid()))
    global SETTINGS, DB
    SETTINGS, DB = settings, connect(settings)
    sys.argv = argv
    with open(script) as f:
        code = compile(f.read(), script, 'exec')
    exec(code, {'__name__': '__main__', '__file__': os.path.abspath(script)})


# --------------------------------------------------------- other commands

def prep(settings, argv):
    """Initialize the database with demo data (Lino's `prep`)."""
    interactive = '--noinput' not in argv
    confirm_initdb(settings, interactive)
    checkpoint('prep')
    models, db = load_schema(), connect(settings)
    create_tables(db, models)
    rows = demo_rows()
    for model in models:
        for row in rows.get(model.name, []):
            insert(db, model, {f.column: row.get(f.column, f.default) for f in model.fields})
    db.commit()
    logger.info("Installed %d object(s) from %d fixture(s)", sum(map(len, rows.values())), len(rows))


def checkdata(settings, argv):
    """One checker per foreign key: a row pointing to a missing row is a problem; -f deletes it."""
    fix = '-f' in argv or '--fix' in argv
    checkpoint('checkdata')
    models, db = load_schema(), connect(settings)
    by_name = {m.name: m for m in models}
    checks = found = fixed = 0
    for model in models:
        for f in model.fields:
            if not f.target:
                continue
            checks += 1
            target = by_name[f.target]
            where = '"%s" IS NOT NULL AND "%s" NOT IN (SELECT "%s" FROM "%s")' % (
                f.column, f.column, target.pk.column, target.table)
            found += db.execute('SELECT COUNT(*) FROM "%s" WHERE %s' % (model.table, where)).fetchone()[0]
            if fix:
                fixed += db.execute('DELETE FROM "%s" WHERE %s' % (model.table, where)).rowcount
    db.commit()
    logger.info("Done %d checks, found %d and fixed %d problems.", checks, found, fixed)


def collectstatic(settings, argv):
    """Copy `static/` of every package to STATIC_ROOT, as Django does: a file
    whose copy is at least as new (whole seconds) as its source counts as
    unmodified, so after older code came back nothing is copied unless
    `--clear` deletes the copies first."""
    target = settings['STATIC_ROOT']
    clear = '--clear' in argv or '-c' in argv
    if '--noinput' not in argv and '--no-input' not in argv:
        print("\nYou have requested to collect static files at the destination\n"
              "location as specified in your settings:\n\n    %s\n\n"
              "This will %s!\nAre you sure you want to do this?\n\n"
              "Type 'yes' to continue, or 'no' to cancel: " % (
                  target, 'DELETE ALL FILES in this location' if clear else 'overwrite existing files'),
              end='', flush=True)
        if sys.stdin.readline().strip() != 'yes':
            raise CommandError("Collecting static files cancelled.")
    checkpoint('collectstatic')
    if clear:
        clear_dir(target, '')
    copied = unmodified = 0
    for repo in sorted(os.listdir(repositories_dir())):
        source_root = os.path.join(repositories_dir(), repo, 'static')
        for dirpath, _, filenames in os.walk(source_root):
            for name in sorted(filenames):
                source = os.path.join(dirpath, name)
                dest = os.path.join(target, os.path.relpath(source, source_root))
                if os.path.exists(dest) and int(os.path.getmtime(dest)) >= int(os.path.getmtime(source)):
                    unmodified += 1
                    continue
                os.makedirs(os.path.dirname(dest), exist_ok=True)
                shutil.copyfile(source, dest)  # a new file, as Django's storage writes it
                copied += 1
    if unmodified:
        print("%d static files copied to '%s', %d unmodified." % (copied, target, unmodified))
    else:
        print("%d static files copied to '%s'." % (copied, target))


def clear_dir(root, path):
    """Django's --clear: every file under STATIC_ROOT deleted, directories kept."""
    full = os.path.join(root, path)
    if not os.path.isdir(full):
        return
    entries = sorted(os.listdir(full))
    for name in entries:
        if not os.path.isdir(os.path.join(full, name)):
            print("Deleting '%s'" % os.path.join(path, name))
            os.remove(os.path.join(full, name))
    for name in entries:
        if os.path.isdir(os.path.join(full, name)):
            clear_dir(root, os.path.join(path, name))


def install(settings, argv):
    """Install the Python requirements of the site's plugins (none in the simulation's code)."""
    checkpoint('install')
    with open(code_file('requirements.txt')) as f:
        requirements = [line.strip() for line in f if line.strip()]
    if not requirements:
        print("No requirements")
        return
    if '--noinput' not in argv:
        print("Install %s ? [Y,n]" % ' '.join(requirements), end=' ', flush=True)
        if sys.stdin.readline().strip().lower() not in ('', 'y', 'yes'):
            raise CommandError("User abort.")
    print("Successfully installed %s" % ' '.join(requirements))


def buildindexes(settings, argv):
    checkpoint('buildindexes')
    db = connect(settings)
    count = sum(db.execute('SELECT COUNT(*) FROM "%s"' % m.table).fetchone()[0] for m in load_schema())
    print("Indexed %d objects." % count)


def showdata(settings, argv):
    """Simulation only: every row in a canonical sorted form, for comparing data."""
    db = connect(settings)
    for model in sorted(load_schema(), key=lambda m: m.table):
        for row in read_rows(db, model):
            print('%s %s' % (model.table, ', '.join('%s=%r' % kv for kv in sorted(row.items()))))


def site_packages():
    """The environment's site-packages (this interpreter runs from env/bin)."""
    return sysconfig.get_path('purelib')


def read_metadata(path):
    """Name and Version of a dist-info METADATA (RFC 822 headers)."""
    fields = {}
    with open(path) as f:
        for line in f:
            if not line.strip():
                break
            key, _, value = line.partition(':')
            fields.setdefault(key.strip(), value.strip())
    return fields.get('Name'), fields.get('Version')


def installed_distributions():
    """{name: (version, dist-info directory)} of what pip installed into site-packages."""
    found = {}
    root = site_packages()
    for entry in sorted(os.listdir(root)):
        metadata = os.path.join(root, entry, 'METADATA')
        if entry.endswith('.dist-info') and os.path.isfile(metadata):
            name, version = read_metadata(metadata)
            found[name] = (version, os.path.join(root, entry))
    return found


def version_key(version):
    return [int(part) if part.isdigit() else part for part in version.split('.')]


def index_dir():
    """The package index of env/pip.conf (`index-url = file:///...`): the simulation's stand-in
    for PyPI, a directory `<package>/<version>/` per release."""
    with open(os.path.join(sys.prefix, 'pip.conf')) as f:
        for line in f:
            key, _, value = line.partition('=')
            if key.strip() == 'index-url':
                return value.strip()[len('file://'):]
    raise CommandError("no index-url in %s" % os.path.join(sys.prefix, 'pip.conf'))


def pip(settings, argv):
    """`env/bin/pip` lands here: freeze lists what is installed, install -U upgrades from the index."""
    checkpoint('pip')
    if argv[:1] == ['freeze']:
        lines = {name.lower(): '%s==%s' % (name, version)
                 for name, (version, _) in installed_distributions().items()}
        repos = os.path.join(sys.prefix, 'repositories')
        for repo in sorted(os.listdir(repos)) if os.path.isdir(repos) else []:
            path = os.path.join(repos, repo)
            sha = git(path, 'rev-parse', 'HEAD')
            url = git(path, 'remote', 'get-url', 'origin')
            lines[repo.lower()] = '-e git+file://%s@%s#egg=%s' % (url, sha, repo)
        for name in sorted(lines):
            print(lines[name])
    elif argv[:1] == ['install']:
        return pip_install(argv[1:])
    else:
        print("ERROR: unknown command \"%s\"" % ' '.join(argv[:1]), file=sys.stderr)
        sys.exit(1)


def pip_install(args):
    upgrade = '-U' in args or '--upgrade' in args
    installed = installed_distributions()
    repos = os.path.join(sys.prefix, 'repositories')
    chosen = []
    for name in [a for a in args if not a.startswith('-')]:
        index = os.path.join(index_dir(), name)
        versions = sorted(os.listdir(index), key=version_key) if os.path.isdir(index) else []
        current = installed.get(name, (None, None))[0]
        if current is None and name == 'pip' or os.path.isdir(os.path.join(repos, name)):
            current = current or 'development'  # pip itself, or a clone installed with -e
        if current and (not upgrade or not versions or version_key(current) >= version_key(versions[-1])):
            print("Requirement already satisfied: %s in %s (%s)" % (name, site_packages(), current))
            continue
        if not versions:
            print("ERROR: Could not find a version that satisfies the requirement %s (from versions: none)" % name,
                  file=sys.stderr)
            print("ERROR: No matching distribution found for %s" % name, file=sys.stderr)
            sys.exit(1)
        print("Collecting %s" % name)
        print("  Using cached %s-%s-py3-none-any.whl" % (name, versions[-1]))
        chosen.append((name, versions[-1], current))
    if not chosen:
        return
    print("Installing collected packages: %s" % ', '.join(name for name, _, _ in chosen))
    for name, version, current in chosen:
        if current:
            print("  Attempting uninstall: %s" % name)
            print("    Found existing installation: %s %s" % (name, current))
            print("    Uninstalling %s-%s:" % (name, current))
            uninstall(name, installed[name][1])
            print("      Successfully uninstalled %s-%s" % (name, current))
        install_package(name, version)
    print("Successfully installed %s" % ' '.join('%s-%s' % (n, v) for n, v, _ in chosen))


def uninstall(name, dist_info):
    """What RECORD lists is deleted (unlinked, as pip does), then the dist-info itself."""
    root = site_packages()
    with open(os.path.join(dist_info, 'RECORD')) as f:
        for line in f:
            path = os.path.join(root, line.rsplit(',', 2)[0])
            if os.path.isfile(path) or os.path.islink(path):
                os.remove(path)
    for dirpath, dirnames, filenames in sorted(os.walk(os.path.join(root, name), topdown=False)):
        if not os.listdir(dirpath):
            os.rmdir(dirpath)
    shutil.rmtree(dist_info)


def install_package(name, version):
    """The release's files as new files (mtime now, as a wheel's extraction leaves them), the
    package directory on sys.path through <name>.pth, and a dist-info saying what was installed."""
    root = site_packages()
    source = os.path.join(index_dir(), name, version)
    files = []
    for dirpath, _, filenames in os.walk(source):
        for filename in sorted(filenames):
            relative = os.path.relpath(os.path.join(dirpath, filename), source)
            target = os.path.join(root, name, relative)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(os.path.join(dirpath, filename), target)
            files.append(os.path.join(name, relative))
    with open(os.path.join(root, name + '.pth'), 'w') as f:
        f.write(os.path.join(root, name) + '\n')
    dist_info = os.path.join(root, '%s-%s.dist-info' % (name, version))
    os.makedirs(dist_info)
    with open(os.path.join(dist_info, 'METADATA'), 'w') as f:
        f.write('Metadata-Version: 2.1\nName: %s\nVersion: %s\nSummary: simulated Lino package\n' % (name, version))
    with open(os.path.join(dist_info, 'INSTALLER'), 'w') as f:
        f.write('pip\n')
    record = files + [name + '.pth'] + [os.path.join(os.path.basename(dist_info), n)
                                        for n in ('METADATA', 'INSTALLER', 'RECORD')]
    with open(os.path.join(dist_info, 'RECORD'), 'w') as f:
        f.write(''.join('%s,,\n' % path for path in record))


def shell(settings, argv):
    """Django's shell: `-c CODE` runs CODE with django.conf.settings configured, else the code on
    stdin.  `from django.conf import settings` gives the site's settings as Django would."""
    parser = argparse.ArgumentParser(prog='manage.py shell')
    parser.add_argument('-c', '--command')
    parser.add_argument('-i', '--interface')
    parser.add_argument('--no-startup', action='store_true')
    options = parser.parse_args(argv)
    django, conf = types.ModuleType('django'), types.ModuleType('django.conf')
    conf.settings = types.SimpleNamespace(**{k: v for k, v in settings.items() if k.isupper()})
    django.conf = conf
    sys.modules.update({'django': django, 'django.conf': conf})
    code = options.command if options.command is not None else sys.stdin.read()
    exec(compile(code, '<command>', 'exec'), {'__name__': '__main__'})


def git(path, *args):
    return subprocess.run(['git', '-C', path] + list(args), check=True,
                          capture_output=True, text=True).stdout.strip()


COMMANDS = {'dump2py': dump2py, 'run': run, 'prep': prep, 'checkdata': checkdata,
            'collectstatic': collectstatic, 'install': install, 'showdata': showdata, 'pip': pip,
            'shell': shell}


def execute_from_command_line(argv):
    """What Django's function of that name does for manage.py: run one command, exit."""
    global DJANGO_SETTINGS_MODULE, PROJECT_DIR, SIM_DIR
    DJANGO_SETTINGS_MODULE = os.environ['DJANGO_SETTINGS_MODULE']
    PROJECT_DIR = os.path.dirname(os.path.abspath(argv[0]))
    SIM_DIR = os.path.join(PROJECT_DIR, '.sim')
    sys.exit(main(argv))


def main(argv):
    if len(argv) < 2:
        print("Type 'manage.py help <subcommand>' for help on a specific subcommand.")
        return 0
    command, args = argv[1], argv[2:]
    settings = {} if command == 'pip' else load_settings()
    apply_dangling(settings)
    handler = COMMANDS.get(command)
    if command == 'buildindexes' and 'lino.modlib.elastic' in settings['SITE'].plugins:
        handler = buildindexes
    if handler is None:
        print("Unknown command: %r\nType 'manage.py help' for usage." % command, file=sys.stderr)
        return 1
    global logger
    name = os.path.splitext(os.path.basename(args[0]))[0] if command == 'run' and args else command
    logger = setup_logging(name)
    try:
        handler(settings, args)
    except CommandError as e:
        print("CommandError: %s" % e, file=sys.stderr)
        return 1
    return 0
