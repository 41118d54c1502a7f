package org.linoconductor.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorProcessTest;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.site.SiteRequest;
import org.linoconductor.site.SiteState;
import org.linoconductor.step.StepContexts;
import org.linoconductor.step.StepOutcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** The step alone, with an archive directory configured (conductor.archive.dir) and its refusals. */
@ConductorProcessTest
class ArchiveSiteDirectoryStepTest {

  private static final Path SITES = Path.of("target", "archive-step-sites").toAbsolutePath();
  private static final Path LOGS = Path.of("target", "archive-step-logs");

  @Autowired SiteRegistry registry;
  @Autowired TransactionTemplate transactions;
  @Autowired DataSource dataSource;

  @Test
  void aConfiguredArchiveDirectoryReceivesTheSiteUnderItsName() throws IOException {
    Site site = oldSite("arst_conf");
    Path archive = SITES.resolve("elsewhere-" + UUID.randomUUID());

    StepOutcome outcome = step(archive).execute(context(site, "operator"));

    assertThat(outcome.status()).as(outcome.summary()).isEqualTo(StepOutcome.Status.SUCCEEDED);
    assertThat(archive.resolve("arst_conf/manage.py")).exists();
    assertThat(site.directory()).doesNotExist();
    assertThat(registry.require("arst_conf").archivedTo()).isEqualTo(archive.resolve("arst_conf"));
    assertThat(outcome.variables()).containsEntry(ArchiveSiteProcess.Variables.ARCHIVED_TO,
        archive.resolve("arst_conf").toString());
  }

  @Test
  void anArchiveHoldingBothNamesAlreadyIsRefusedAndNothingIsOverwritten() throws IOException {
    Site site = oldSite("arst_full");
    Path archive = SITES.resolve("full-" + UUID.randomUUID());
    Files.createDirectories(archive.resolve("arst_full"));
    DateTimeFormatter suffix = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    Instant now = Instant.now();
    for (int second = -1; second <= 3; second++) {
      Files.createDirectories(archive.resolve("arst_full-" + suffix.format(now.plusSeconds(second))));
    }

    StepOutcome outcome = step(archive).execute(context(site, "operator"));

    assertThat(outcome.status()).isEqualTo(StepOutcome.Status.FAILED);
    assertThat(outcome.summary()).contains("holds a directory arst_full and one with this second's suffix",
        "nothing is overwritten", "Nothing was moved");
    assertThat(site.directory().resolve("manage.py")).exists();
    assertThat(registry.require("arst_full").state()).isEqualTo(SiteState.OLD);
  }

  @Test
  void anArchiveOnAnotherFileSystemIsRefusedAndTheSiteStaysOld() throws IOException {
    Path shm = Path.of("/dev/shm");
    Site site = oldSite("arst_fs");
    assumeTrue(Files.isDirectory(shm) && !Files.getFileStore(shm).equals(Files.getFileStore(site.directory())),
        "needs /dev/shm on another file system than target/");
    Path archive = shm.resolve("conductor-archive-" + UUID.randomUUID());

    StepOutcome outcome;
    try {
      outcome = step(archive).execute(context(site, "operator"));
    } finally {
      Files.deleteIfExists(archive); // made empty by the step before it tried the rename
    }

    assertThat(outcome.status()).isEqualTo(StepOutcome.Status.FAILED);
    assertThat(outcome.summary()).contains("they lie on different file systems", "Nothing was moved and arst_fs is"
        + " still OLD", "Set conductor.archive.dir to a directory on the file system of " + site.root());
    assertThat(site.directory().resolve("manage.py")).exists();
    // The state was recorded in the same transaction as the refused rename: rolled back with it.
    assertThat(registry.require("arst_fs").state()).isEqualTo(SiteState.OLD);
    assertThat(registry.require("arst_fs").archivedTo()).isNull();
    assertThat(registry.history("arst_fs")).extracting(change -> change.to()).containsExactly(SiteState.OLD);
  }

  @Test
  void aRecordThatCannotBeCommittedPutsTheDirectoryBack() throws IOException {
    Site site = oldSite("arst_commit");
    Path archive = SITES.resolve("commit-" + UUID.randomUUID());
    // The database refuses the commit after the rename: as if it went away at that moment.
    TransactionTemplate failingCommit = new TransactionTemplate(new DataSourceTransactionManager(dataSource) {
      @Override
      protected void doCommit(DefaultTransactionStatus status) {
        doRollback(status); // what a database that fails to commit keeps: nothing
        throw new CannotCreateTransactionException("connection lost at commit");
      }
    });

    StepOutcome outcome = new ArchiveSiteDirectoryStep(registry, new ArchiveProperties(archive), failingCommit)
        .execute(context(site, "operator"));

    assertThat(outcome.status()).isEqualTo(StepOutcome.Status.FAILED);
    assertThat(outcome.summary()).contains("Could not record arst_commit as ARCHIVED: connection lost at commit",
        "moved back to " + site.directory(), "still OLD");
    assertThat(site.directory().resolve("manage.py")).exists();
    assertThat(archive.resolve("arst_commit")).doesNotExist();
    assertThat(registry.require("arst_commit").state()).isEqualTo(SiteState.OLD);
  }

  private ArchiveSiteDirectoryStep step(Path archiveDir) {
    return new ArchiveSiteDirectoryStep(registry, new ArchiveProperties(archiveDir), transactions);
  }

  private static org.linoconductor.step.StepContext context(Site site, String startedBy) {
    return StepContexts.real(StepContexts.run(site, null, startedBy, Map.of(), false), site,
        ArchiveSiteProcess.Topics.ARCHIVE_SITE_DIRECTORY, Map.of(), LOGS);
  }

  /** An OLD site alone in its root: nothing links to it. */
  private Site oldSite(String name) throws IOException {
    Path root = Files.createDirectories(SITES.resolve(name + "-" + UUID.randomUUID()));
    Files.createDirectories(root.resolve(name));
    Files.writeString(root.resolve(name).resolve("manage.py"), "# stands for a Lino site\n");
    return registry.register(new SiteRequest(name, root.toString(), name, SiteState.OLD, null, null, "tester", null,
        null, null, null, null), null, null);
  }
}
