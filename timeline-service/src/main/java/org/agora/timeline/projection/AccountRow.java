package org.agora.timeline.projection;

import java.time.Instant;
import java.util.UUID;
import org.agora.events.EncryptedContent;

/** An account as the timelines know it; the display name stays sealed until served. */
public record AccountRow(
    UUID id, String handle, Instant registeredAt, EncryptedContent displayName) {}
