package org.linoconductor.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.Site;
import org.linoconductor.site.TestDatabase;
import org.linoconductor.step.StepOutcome.Status;

class RestoreCodeStepTest {

  private static SimulatedInstallation lino;
  private CodeStateRepository codeStates;
  private PullCodeStep pull;
  private RestoreCodeStep step;

  @BeforeAll
  static void layOut() {
    lino = new SimulatedInstallation();
  }

  @BeforeEach
  void freshDatabase() {
    codeStates = new CodeStateRepository(TestDatabase.migratedH2());
    pull = new PullCodeStep(codeStates);
    step = new RestoreCodeStep(codeStates);
  }

  @Test
  void the_repositories_go_back_to_the_revisions_before_pull_sh_on_their_branch() {
    SimulatedSite sim = lino.freshSite();
    Site site = SimulatedInstallation.site(sim);
    String oldVersion = sim.version();
    Map<String, String> before = revisions(sim);
    lino.publishRelease(true);
    pull.execute(lino.real(site, pull.topic()));
    assertThat(revisions(sim)).isNotEqualTo(before);

    var outcome = step.execute(lino.real(site, step.topic()));

    assertThat(outcome.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(outcome.summary()).startsWith("Code back to the revisions before pull.sh: lino ");
    assertThat(revisions(sim)).isEqualTo(before);
    assertThat(sim.version()).isEqualTo(oldVersion);
    assertThat(git(sim, "rev-parse", "--abbrev-ref", "HEAD")).isEqualTo("master");
  }

  @Test
  void uncommitted_changes_in_a_file_it_must_change_make_it_fail_without_losing_them() throws Exception {
    SimulatedSite sim = lino.freshSite();
    Site site = SimulatedInstallation.site(sim);
    lino.publishRelease(false);
    pull.execute(lino.real(site, pull.topic()));
    var changes = sim.dir().resolve("env/repositories/lino/CHANGES.txt");
    Files.writeString(changes, "a local fix\n", java.nio.file.StandardOpenOption.APPEND);

    var outcome = step.execute(lino.real(site, step.topic()));

    assertThat(outcome.status()).isEqualTo(Status.FAILED);
    assertThat(outcome.summary()).contains("git reset --keep").contains("env/repositories/lino")
        .contains("Commit or stash");
    assertThat(Files.readString(changes)).endsWith("a local fix\n");
  }

  @Test
  void without_a_recorded_state_it_fails_and_says_what_to_check() {
    SimulatedSite sim = lino.freshSite();
    var context = lino.real(SimulatedInstallation.site(sim), step.topic());

    var outcome = step.execute(context);

    assertThat(outcome.status()).isEqualTo(Status.FAILED);
    assertThat(outcome.summary()).contains("No code revisions were recorded before pull.sh");
    assertThat(SimulatedInstallation.commands(context)).isEmpty();
  }

  @Test
  void a_dry_run_renders_one_reset_per_repository_and_changes_nothing() {
    SimulatedSite sim = lino.freshSite();
    var context = lino.dryRun(SimulatedInstallation.site(sim), step.topic(), Map.of());

    var outcome = step.execute(context);

    assertThat(outcome.summary()).startsWith("dry run");
    assertThat(SimulatedInstallation.commands(context)).hasSize(3)
        .allMatch(c -> c.startsWith("git -C " + sim.dir().resolve("env/repositories")))
        .allMatch(c -> c.contains(" reset --keep "));
  }

  private static Map<String, String> revisions(SimulatedSite sim) {
    return Map.of("lino", rev(sim, "lino"), "lino_xl", rev(sim, "lino_xl"), "lino_noi", rev(sim, "lino_noi"));
  }

  private static String rev(SimulatedSite sim, String repo) {
    return SimulatedInstallation.run(sim, List.of("git", "-C", "env/repositories/" + repo, "rev-parse", "HEAD")).strip();
  }

  private static String git(SimulatedSite sim, String... args) {
    var argv = new java.util.ArrayList<>(List.of("git", "-C", "env/repositories/lino"));
    argv.addAll(List.of(args));
    return SimulatedInstallation.run(sim, argv).strip();
  }
}
