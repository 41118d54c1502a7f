package org.linoconductor.rollback;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.linoconductor.site.Site;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code conductor.rollback.*}: the copies a production upgrade keeps so that a roll-back loses
 * nothing.
 *
 * @param keepCopies how many runs' copies are kept per site (the newest, this run's included); older
 *     ones are removed when a run has made its own, and the removal is recorded
 * @param copiesDir where the copies go, as {@code <dir>/<site>/<run>}; unset: {@code
 *     <root>/.conductor-copies/<site>/<run>}. It must be on the file system of the site's env: the
 *     roll-back puts the env back by renaming it
 * @param envCopy {@code hardlink} (cp -al, the default: the copy shares the files' contents with the
 *     env, which takes a fifth of the time and a seventieth of the space of a full copy, see
 *     docs/benchmarks.md; exact for the code, because pip, git and collectstatic replace files
 *     instead of writing into them, but a file changed in place, such as git's reflogs, changes in
 *     both) or {@code full} (cp -a: the copy shares nothing)
 * @param tools the database programs; give absolute paths when several versions are installed
 *     (pg_dump refuses a server newer than itself)
 */
@Validated
@ConfigurationProperties("conductor.rollback")
public record RollbackProperties(
    @Min(1) @DefaultValue("3") int keepCopies,
    Path copiesDir,
    @NotNull @DefaultValue("hardlink") EnvCopy envCopy,
    @Valid @NotNull @DefaultValue Tools tools) {

  /** How the env is copied. */
  public enum EnvCopy { FULL, HARDLINK }

  /** The database client programs the copies run. */
  public record Tools(
      @NotBlank @DefaultValue("pg_dump") String pgDump,
      @NotBlank @DefaultValue("pg_restore") String pgRestore,
      @NotBlank @DefaultValue("psql") String psql,
      @NotBlank @DefaultValue("mysqldump") String mysqldump,
      @NotBlank @DefaultValue("mysql") String mysql) {

    public static Tools defaults() {
      return new Tools("pg_dump", "pg_restore", "psql", "mysqldump", "mysql");
    }
  }

  /** The defaults, as Spring binds an empty configuration. */
  public static RollbackProperties defaults() {
    return new RollbackProperties(3, null, EnvCopy.HARDLINK, Tools.defaults());
  }

  /** Where the copies of {@code site} go, one directory per run. */
  Path copiesOf(Site site) {
    Path dir = copiesDir == null ? site.root().resolve(".conductor-copies") : copiesDir.toAbsolutePath().normalize();
    return dir.resolve(site.name());
  }
}
