package org.linoconductor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoReleasesTest {

  @Test
  void theNextReleaseCountsUpTheLastNumber() {
    assertThat(DemoReleases.nextVersion("21.3.0")).isEqualTo("21.3.1");
    assertThat(DemoReleases.nextVersion("21.3.9")).isEqualTo("21.3.10");
  }
}
