package org.agora.identity.api.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.agora.kit.mastodon.MastodonAccount;

/** Mastodon's CredentialAccount: the owner's own Account plus the plain-text source of it. */
public record CredentialAccountView(@JsonUnwrapped MastodonAccount account, Source source) {
  public record Source(
      String privacy,
      boolean sensitive,
      String language,
      String note,
      List<Object> fields,
      @JsonProperty("follow_requests_count") int followRequestsCount) {
    public static Source of(String note) {
      return new Source("public", false, null, note, List.of(), 0);
    }
  }
}
