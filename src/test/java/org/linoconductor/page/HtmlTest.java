package org.linoconductor.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void markupInUserTextIsShownNotRun() {
    assertThat(Html.escape("<script>alert('x')</script> & \"q\"")).isEqualTo(
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    assertThat(Html.escape(null)).isEmpty();
  }
}
