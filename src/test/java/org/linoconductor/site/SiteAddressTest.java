package org.linoconductor.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SiteAddressTest {

  @Test
  void aKnownWebAddressBecomesALink() {
    assertThat(SiteAddress.markdown("https://anna.example.org/"))
        .isEqualTo("[https://anna.example.org/](https://anna.example.org/)");
  }

  @Test
  void anUnknownAddressIsSaidToBeUnknown() {
    assertThat(SiteAddress.markdown(null)).startsWith("unknown: the site's registration has no URL");
    assertThat(SiteAddress.markdown(" ")).startsWith("unknown: the site's registration has no URL");
  }

  @Test
  void anythingButAPlainWebAddressIsNeverALink() {
    for (String hostile : new String[] {"javascript:alert(1)", "https://a.example/x) [click](javascript:alert(1)",
        "https://a.example/<img src=x>", "data:text/html,hi", "https://a.example/`code`"}) {
      assertThat(SiteAddress.markdown(hostile)).as(hostile).startsWith("unknown:").doesNotContain("javascript", "<");
    }
  }
}
