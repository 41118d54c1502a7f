package org.linoconductor.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.linoconductor.rollback.RollbackProperties.EnvCopy;
import org.linoconductor.sim.Layout;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.DatabaseKind;
import org.linoconductor.site.Site;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepContexts;
import org.linoconductor.step.StepOutcome.Status;
import org.linoconductor.upgrade.CodeStateReader;
import org.linoconductor.upgrade.CodeStateRepository;
import org.linoconductor.upgrade.CodeStateTable;
import org.linoconductor.upgrade.CodeStateRepository.Phase;

/**
 * The env copy of both layouts and both modes, and its way back by rename: every file of the env is
 * as it was (a hard-linked copy shares what is changed in place, which the test shows); and the
 * retention that keeps the copies of the last runs only, recording who removed the others.
 */
class EnvCopiesTest {

  private static final RollbackSites SITES = new RollbackSites();
  private static final AtomicInteger RELEASES = new AtomicInteger();

  @Test
  void aFullCopyOfAPipEnvPutsBackEveryFileAfterPullShUpgradedThePackages() {
    SimulatedSite sim = SITES.fresh(Layout.PIP);
    Map<String, String> before = tree(sim.dir().resolve("env"));

    upgradeAndRollBack(sim, EnvCopy.FULL);

    assertThat(tree(sim.dir().resolve("env"))).isEqualTo(before);
  }

  @Test
  void aHardLinkedCopyOfAGitEnvPutsBackTheCodeButSharesWhatWasChangedInPlace() {
    SimulatedSite sim = SITES.fresh(Layout.GIT);
    Map<String, String> before = tree(sim.dir().resolve("env"));

    upgradeAndRollBack(sim, EnvCopy.HARDLINK);

    Map<String, String> after = tree(sim.dir().resolve("env"));
    assertThat(after.keySet()).isEqualTo(before.keySet());
    assertThat(after.keySet().stream().filter(file -> !after.get(file).equals(before.get(file))))
        .as("only the reflogs that git pull appends to in place differ: the copy shares their inodes")
        .isNotEmpty().allMatch(file -> file.contains("/.git/logs/"));
  }

  @Test
  void onlyTheCopiesOfTheLastRunsAreKeptAndTheRemovalIsRecorded() {
    SimulatedSite sim = SITES.fresh(Layout.PIP);
    Site site = RollbackSites.site(sim, DatabaseKind.SQLITE);
    CopyRecords records = TestCopies.records();
    SiteCopies copies = new SiteCopies(new RollbackProperties(2, null, EnvCopy.HARDLINK,
        RollbackProperties.Tools.defaults()), records);
    CopyEnvStep step = new CopyEnvStep(copies, records);

    for (String run : List.of("run-1", "run-2")) {
      assertThat(step.execute(context(site, run, step.topic())).status()).isEqualTo(Status.SUCCEEDED);
    }
    var third = step.execute(context(site, "run-3", step.topic()));

    assertThat(third.summary()).contains("removed the copies of run(s) run-1 (only the last 2 runs' are kept)");
    Path copiesDir = sim.dir().getParent().resolve(".conductor-copies").resolve(sim.name());
    assertThat(copiesDir.resolve("run-1")).doesNotExist();
    assertThat(copiesDir.resolve("run-2/env")).isDirectory();
    assertThat(copiesDir.resolve("run-3/env")).isDirectory();
    assertThat(records.ofRun("run-1")).singleElement().satisfies(copy -> {
      assertThat(copy.removedAt()).isNotNull();
      assertThat(copy.removedBy()).isEqualTo("run-3");
    });
    assertThat(records.kept(sim.name())).extracting(CopyRecords.Copy::run).containsExactly("run-3", "run-2");
    assertThat(copiesDir).satisfies(dir -> assertThat(Files.getPosixFilePermissions(dir)).hasSize(3));
  }

  @Test
  void aRollBackOfARunThatCopiedNothingPutsNothingBack() {
    SimulatedSite sim = SITES.fresh(Layout.GIT);
    Site site = RollbackSites.site(sim, DatabaseKind.SQLITE);
    var jdbc = TestCopies.jdbc();
    RestoreEnvStep step = new RestoreEnvStep(new CopyRecordTable(jdbc), new CodeStateTable(jdbc));

    var outcome = step.execute(context(site, "run-x", step.topic()));

    assertThat(outcome.status()).isEqualTo(Status.SKIPPED);
    assertThat(outcome.summary()).contains("failed before pull.sh");
  }

  /** copy-env, pull.sh of a new release, restore-code: what an upgrade and its roll-back do to the env. */
  private static void upgradeAndRollBack(SimulatedSite sim, EnvCopy mode) {
    Site site = RollbackSites.site(sim, DatabaseKind.SQLITE);
    var jdbc = TestCopies.jdbc();
    CopyRecords records = new CopyRecordTable(jdbc);
    CodeStateRepository codeStates = new CodeStateTable(jdbc);
    SiteCopies copies = new SiteCopies(new RollbackProperties(3, null, mode, RollbackProperties.Tools.defaults()),
        records);
    String run = "run-" + UUID.randomUUID();
    StepContext reading = context(site, run, "pull-code");
    codeStates.save(run, Phase.BEFORE, CodeStateReader.read(reading, site).state(), Instant.now());
    String versionBefore = sim.version();

    CopyEnvStep copy = new CopyEnvStep(copies, records);
    assertThat(copy.execute(context(site, run, copy.topic())).status()).isEqualTo(Status.SUCCEEDED);
    String release = "22." + RELEASES.incrementAndGet() + ".0";
    Path base = sim.dir().getParent().getParent();
    org.linoconductor.sim.SimulatedLino.open(base).publishRelease(release, true);
    RollbackSites.run(List.of(sim.dir().resolve("pull.sh").toString()));
    assertThat(sim.version()).isEqualTo(release);

    RestoreEnvStep restore = new RestoreEnvStep(records, codeStates);
    var outcome = restore.execute(context(site, run, restore.topic()));

    assertThat(outcome.status()).as(outcome.summary()).isEqualTo(Status.SUCCEEDED);
    assertThat(outcome.summary()).contains("the code is the one recorded before pull.sh");
    assertThat(sim.version()).isEqualTo(versionBefore);
    Path displaced = records.of(run, CopyRecords.Kind.ENV).orElseThrow().path().resolveSibling("env-after-upgrade");
    assertThat(displaced).isDirectory();
  }

  private static StepContext context(Site site, String run, String topic) {
    return StepContexts.real(site, run, topic, Map.of(), SITES.logs().resolve(UUID.randomUUID().toString()));
  }

  /** Every file and link under dir: its content's SHA-256, or where the link points. */
  private static Map<String, String> tree(Path dir) {
    Map<String, String> tree = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.toList()) {
        String name = dir.relativize(path).toString();
        if (name.contains("__pycache__")) {
          continue; // Python's caches, written whenever it likes
        }
        if (Files.isSymbolicLink(path)) {
          tree.put(name, "-> " + Files.readSymbolicLink(path));
        } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
          byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path));
          tree.put(name, HexFormat.of().formatHex(digest));
        } else {
          tree.put(name + "/", "");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return tree;
  }
}
