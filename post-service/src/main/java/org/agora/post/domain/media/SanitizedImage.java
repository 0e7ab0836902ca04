package org.agora.post.domain.media;

import java.util.Arrays;

/** An image stripped of metadata, safe to store and publish; width and height as stored. */
public record SanitizedImage(byte[] bytes, ImageType type, int width, int height) {
  public SanitizedImage {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public int size() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SanitizedImage that
        && type == that.type
        && width == that.width
        && height == that.height
        && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(bytes) + type.hashCode();
  }

  @Override
  public String toString() {
    return "SanitizedImage[" + type + ", " + width + "×" + height + ", " + bytes.length + " bytes]";
  }
}
