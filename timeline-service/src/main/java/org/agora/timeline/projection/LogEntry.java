package org.agora.timeline.projection;

import org.agora.events.AgoraEvent;

/**
 * One record of a topic as the projection sees it: its position, and the event when it could be
 * read ({@code null} otherwise: the position still advances past it).
 */
public record LogEntry(String topic, int partition, long offset, AgoraEvent event) {}
