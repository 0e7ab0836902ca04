package org.agora.post.domain.media;

/** Upper bounds for an upload, checked before any pixel is decoded. */
public record MediaLimits(long maxBytes, long maxPixels, int maxSide) {
  public static final MediaLimits DEFAULT = new MediaLimits(10L * 1024 * 1024, 40_000_000L, 10_000);

  public MediaLimits {
    if (maxBytes <= 0 || maxPixels <= 0 || maxSide <= 0) {
      throw new IllegalArgumentException("media limits must be positive");
    }
  }

  void checkBytes(long bytes) {
    if (bytes > maxBytes) {
      throw new MediaRejected(
          MediaRejected.Kind.TOO_LARGE, "file: " + bytes + " bytes, at most " + maxBytes);
    }
  }

  void checkDimensions(long width, long height) {
    if (width * height > maxPixels) {
      throw new MediaRejected(
          MediaRejected.Kind.TOO_LARGE,
          "file: " + width + "×" + height + " pixels, at most " + maxPixels);
    }
    if (width > maxSide || height > maxSide) {
      throw new MediaRejected(
          MediaRejected.Kind.TOO_LARGE,
          "file: " + width + "×" + height + " pixels, at most " + maxSide + " per side");
    }
  }
}
