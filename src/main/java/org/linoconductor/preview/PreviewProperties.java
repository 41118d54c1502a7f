package org.linoconductor.preview;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code conductor.preview.*}: how preview sites are set up and synchronized on this host.
 *
 * @param upgradesLog the seed's {@code LOGFILE}: preview-sync appends its start and end lines here,
 *     and rsync its file list ({@code --log-file})
 * @param nightlyCron when nightly-sync runs, in Camunda's cron syntax (seconds first)
 * @param maxConcurrentSyncs how many preview-sync runs may work at the same time when the nightly
 *     run starts them; a run waiting for an operator's decision does not count
 * @param makeEnvCommand argv that makes the new site's fresh {@code env/}, run in the new site's
 *     directory; {@code {site}} is that directory, {@code {root}} the root holding the sites. The
 *     default is a bare virtualenv (on a real host add getlino or pip in a script of your own); the
 *     demo and the tests use the simulation's {@code ["{root}/../bin/make-env", "{site}"]}
 * @param renameFiles the files of the new site in which the old name is replaced (the seed's list)
 * @param extraRenameFiles more such files of this installation (relative to the site directory)
 * @param freeSpaceMargin free space needed beyond the size of the production site for the copy
 * @param webServer whose vhost template is used
 * @param vhostDir where the vhost file {@code <site>.conf} is written
 * @param serverNamePattern the preview's host name; {@code {site}} is the new site's name
 * @param postgresAdmin a connection allowed to CREATE DATABASE, for PostgreSQL sites
 * @param mysqlAdmin the same for MySQL/MariaDB sites (needs the MariaDB JDBC driver on the class path)
 */
@Validated
@ConfigurationProperties("conductor.preview")
public record PreviewProperties(
    @NotNull @DefaultValue("/var/log/lino/upgrades.log") Path upgradesLog,
    @NotBlank @DefaultValue("0 0 2 * * ?") String nightlyCron,
    @Min(1) @DefaultValue("2") int maxConcurrentSyncs,
    @NotEmpty @DefaultValue({"python3", "-m", "venv", "env"}) List<String> makeEnvCommand,
    @NotEmpty @DefaultValue({"settings.py", "manage.py", "wsgi.py", "pull.sh", "make_snapshot.sh",
        "initdb_from_prod.sh"}) List<String> renameFiles,
    @DefaultValue List<String> extraRenameFiles,
    @NotNull @DefaultValue("256MB") DataSize freeSpaceMargin,
    @NotNull @DefaultValue("nginx") WebServer webServer,
    @NotNull @DefaultValue("./data/vhosts") Path vhostDir,
    @NotNull @DefaultValue("{site}.example.org") String serverNamePattern,
    JdbcAdmin postgresAdmin,
    JdbcAdmin mysqlAdmin) {

  public enum WebServer { APACHE2, NGINX }

  public PreviewProperties {
    makeEnvCommand = List.copyOf(makeEnvCommand);
    renameFiles = List.copyOf(renameFiles);
    extraRenameFiles = List.copyOf(extraRenameFiles);
  }

  /** Every file to rename in, without repeats. */
  List<String> allRenameFiles() {
    return java.util.stream.Stream.concat(renameFiles.stream(), extraRenameFiles.stream()).distinct().toList();
  }

  /** A database server connection with the right to create databases; the password never shows. */
  public record JdbcAdmin(String url, String user, String password) {
    @Override
    public String toString() {
      return "JdbcAdmin[url=" + url + ", user=" + user + ", password=****]";
    }
  }
}
