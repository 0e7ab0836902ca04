package org.agora.timeline.api;

import org.agora.kit.api.ApiException;
import org.agora.timeline.domain.PageRequest;

final class Paging {
  private Paging() {}

  static PageRequest parse(String maxId, String sinceId, String minId, String limit) {
    try {
      return PageRequest.parse(maxId, sinceId, minId, limit);
    } catch (PageRequest.InvalidPageRequest e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }
}
