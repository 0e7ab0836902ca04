package org.agora.kit.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusHtmlTest {
  @Test
  void escapesMarkupAndKeepsLineStructure() {
    assertThat(StatusHtml.render("<script>alert('x')</script> & \"q\""))
        .isEqualTo("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</p>");
    assertThat(StatusHtml.render("one\ntwo\n\nthree")).isEqualTo("<p>one<br>two</p><p>three</p>");
  }
}
