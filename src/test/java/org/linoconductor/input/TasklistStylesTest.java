package org.linoconductor.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.Http;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Tasklist loads Conductor's user-styles.css in place of Camunda's empty one: commands are not cut mid-word. */
@ConductorWebTest
class TasklistStylesTest {

  @LocalServerPort int port;

  @Test
  void tasklistGetsTheStylesThatKeepCommandsWhole() {
    HttpResponse<String> css = Http.anonymous(port).with("Accept", "text/css")
        .get("/camunda/app/tasklist/styles/user-styles.css");

    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.body()).contains(".fjs-container pre", "word-break: normal", "white-space: pre");
  }
}
