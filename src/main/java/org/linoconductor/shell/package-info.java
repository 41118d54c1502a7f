/**
 * The shell runner: the one place that starts operating-system processes (and the only user of
 * commons-exec).
 *
 * <pre>{@code
 * ShellResult result = shellRunner.run(ShellCommand.builder("anna", "restore")
 *     .argv("python", "manage.py", "run", "snapshot/restore.py", "--noinput")
 *     .workingDirectory(siteDir).virtualenv(siteDir.resolve("env"))
 *     .timeout(Duration.ofHours(2)).logFile(logDir.resolve("restore.log"))
 *     .matcher(LineMatcher.of("abandoned", "Abandoning with (\\d+) unsaved instances", 50))
 *     .build());
 * boolean ok = result.succeeded() && result.fact("abandoned").isEmpty();
 * }</pre>
 *
 * <p>What a run guarantees: argv reaches the program literally (no shell); the site's virtualenv is
 * active as with {@code . env/bin/activate}; stdin is closed; stdout and stderr go, whole lines at a
 * time, to the log file (header with the command, footer with the exit) while memory keeps a bounded
 * tail and bounded facts; configured secrets and the values of secret-named extra variables are
 * masked everywhere; at the timeout, or when the calling thread is interrupted, the whole process tree
 * gets TERM and after a grace period KILL. Processes a command leaves running after a normal exit
 * (a daemon it started) are not killed. Log lines carry codes {@code SHELL-001} to {@code SHELL-008}.
 */
package org.linoconductor.shell;
