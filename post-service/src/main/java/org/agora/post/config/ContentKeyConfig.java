package org.agora.post.config;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "agora.content")
public interface ContentKeyConfig {
  /** Base64 of the 32-byte key-encryption key. */
  String kek();

  String kekId();
}
