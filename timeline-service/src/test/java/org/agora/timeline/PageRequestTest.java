package org.agora.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.agora.timeline.domain.PageRequest;
import org.junit.jupiter.api.Test;

class PageRequestTest {
  @Test
  void defaultsAndClampsTheLimitAsMastodonDoes() {
    assertThat(PageRequest.parse(null, null, null, null).limit()).isEqualTo(20);
    assertThat(PageRequest.parse(null, null, null, "7").limit()).isEqualTo(7);
    assertThat(PageRequest.parse(null, null, null, "400").limit()).isEqualTo(40);
  }

  @Test
  void refusesMalformedIdsAndLimitsNamingTheField() {
    assertThatThrownBy(() -> PageRequest.parse("12", null, null, null))
        .hasMessage("max_id: not a status id");
    assertThatThrownBy(() -> PageRequest.parse(null, "x", null, null))
        .hasMessage("since_id: not a status id");
    assertThatThrownBy(() -> PageRequest.parse(null, null, "'; drop", null))
        .hasMessage("min_id: not a status id");
    assertThatThrownBy(() -> PageRequest.parse(null, null, null, "ten"))
        .hasMessage("limit: must be a whole number from 1 to 40");
    assertThatThrownBy(() -> PageRequest.parse(null, null, null, "0"))
        .hasMessage("limit: must be a whole number from 1 to 40");
  }

  @Test
  void minIdReadsOldestFirst() {
    UUID id = UUID.randomUUID();
    assertThat(PageRequest.parse(null, null, id.toString(), null).ascending()).isTrue();
    assertThat(PageRequest.parse(id.toString(), null, null, null).ascending()).isFalse();
  }
}
