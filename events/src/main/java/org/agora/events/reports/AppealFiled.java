package org.agora.events.reports;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.EncryptedContent;

/** The affected user appealed a decision; the text is sealed with the appeal's own data key. */
public record AppealFiled(
    UUID appealId, UUID decisionId, AccountId appellantId, EncryptedContent text, Instant filedAt)
    implements ReportEvent {
  public static final String TYPE = "agora.moderation.appeal-filed.v1";

  public AppealFiled {
    Objects.requireNonNull(appealId, "appealId");
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(appellantId, "appellantId");
    Objects.requireNonNull(filedAt, "filedAt");
  }

  @Override
  public String type() {
    return TYPE;
  }
}
