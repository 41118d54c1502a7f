package org.linoconductor.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Camunda's starter gives a first administrator without a password its id as password: never here. */
class FirstAdministratorCheckTest {

  @Test
  void anAdministratorWithoutAPasswordOfItsOwnStopsTheStart() {
    for (Map<String, Object> settings : List.<Map<String, Object>>of(
        Map.of("camunda.bpm.admin-user.id", "alice"),
        Map.of("camunda.bpm.admin-user.id", "alice", "camunda.bpm.admin-user.password", " "),
        Map.of("camunda.bpm.admin-user.id", "alice", "camunda.bpm.admin-user.password", "alice"))) {
      assertThatThrownBy(() -> check(settings).preInit(null)).as(settings.toString())
          .hasMessageContaining("SEC-011").hasMessageContaining("CAMUNDA_BPM_ADMINUSER_PASSWORD");
    }
  }

  @Test
  void anAdministratorWithAPasswordOrNoneAtAllStarts() {
    assertThatCode(() -> check(Map.of()).preInit(null)).doesNotThrowAnyException();
    assertThatCode(() -> check(Map.of("camunda.bpm.admin-user.id", "alice",
        "camunda.bpm.admin-user.password", "a long secret")).preInit(null)).doesNotThrowAnyException();
  }

  private static FirstAdministratorCheck check(Map<String, Object> settings) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
    return new FirstAdministratorCheck(environment);
  }
}
