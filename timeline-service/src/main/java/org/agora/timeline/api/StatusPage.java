package org.agora.timeline.api;

import jakarta.ws.rs.core.MediaType;

/** A page of statuses as a JSON array, with the ids of its newest and oldest (null when empty). */
public record StatusPage(byte[] json, String newestId, String oldestId) {
  /** What Jackson's writer declared for the same page. */
  static final MediaType TYPE = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");
}
