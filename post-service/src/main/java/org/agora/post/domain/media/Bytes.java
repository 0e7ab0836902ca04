package org.agora.post.domain.media;

/** Unsigned reads; callers check bounds first. */
final class Bytes {
  private Bytes() {}

  static int u8(byte[] b, int at) {
    return b[at] & 0xFF;
  }

  static int u16be(byte[] b, int at) {
    return (u8(b, at) << 8) | u8(b, at + 1);
  }

  static long u32be(byte[] b, int at) {
    return ((long) u16be(b, at) << 16) | u16be(b, at + 2);
  }

  static int u16le(byte[] b, int at) {
    return u8(b, at) | (u8(b, at + 1) << 8);
  }

  static int u24le(byte[] b, int at) {
    return u16le(b, at) | (u8(b, at + 2) << 16);
  }

  static long u32le(byte[] b, int at) {
    return u24le(b, at) | ((long) u8(b, at + 3) << 24);
  }

  static boolean startsWith(byte[] b, int at, int end, String ascii) {
    if (end - at < ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (b[at + i] != (byte) ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
