package org.linoconductor.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linoconductor.site.TestDatabase;
import org.linoconductor.upgrade.CodeStateRepository.Phase;

/** The table code_state on a real PostgreSQL (H2 is covered by the step tests). */
class CodeStateRepositoryTest {

  private static EmbeddedPostgres postgres;
  private static CodeStateRepository codeStates;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.start();
    codeStates = new CodeStateTable(TestDatabase.migrated(postgres.getPostgresDatabase()));
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @Test
  void a_code_state_makes_the_round_trip_and_a_new_save_of_a_phase_replaces_the_old_one() {
    var first = new CodeState(Map.of("lino", "a1", "lino_xl", "b1"), List.of("Django==3.2.25", "-e git+file:///u@a1#egg=lino"));
    var second = new CodeState(Map.of("lino", "a2"), List.of("Django==3.2.25"));
    codeStates.save("run-1", Phase.BEFORE, first, Instant.now());
    codeStates.save("run-1", Phase.AFTER, first, Instant.now());

    codeStates.save("run-1", Phase.AFTER, second, Instant.now());

    assertThat(codeStates.find("run-1", Phase.BEFORE)).hasValue(first);
    assertThat(codeStates.find("run-1", Phase.AFTER)).hasValue(second);
    assertThat(codeStates.find("run-2", Phase.BEFORE)).isEmpty();
  }
}
