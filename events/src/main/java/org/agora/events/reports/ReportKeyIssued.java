package org.agora.events.reports;

import java.util.Objects;
import java.util.UUID;
import org.agora.events.AgoraEvent;

/**
 * The value on the compacted topic {@code moderation.report-keys}, keyed by report or appeal id:
 * the data key of its free text, wrapped by the moderation key-encryption key {@code kekId}.
 */
public record ReportKeyIssued(UUID id, String kekId, String wrappedKey) implements AgoraEvent {
  public static final String TYPE = "agora.moderation.report-key.issued.v1";
  public static final String TOPIC = "moderation.report-keys";

  public ReportKeyIssued {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kekId, "kekId");
    Objects.requireNonNull(wrappedKey, "wrappedKey");
  }

  @Override
  public String type() {
    return TYPE;
  }
}
