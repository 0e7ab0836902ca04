package org.agora.post.domain.media;

/** The image formats we accept, as detected from their bytes. */
public enum ImageType {
  JPEG("image/jpeg", "jpg", "JPEG"),
  PNG("image/png", "png", "PNG"),
  WEBP("image/webp", "webp", "WebP");

  private final String mimeType;
  private final String extension;
  private final String label;

  ImageType(String mimeType, String extension, String label) {
    this.mimeType = mimeType;
    this.extension = extension;
    this.label = label;
  }

  public String mimeType() {
    return mimeType;
  }

  /** Without the dot. */
  public String extension() {
    return extension;
  }

  String label() {
    return label;
  }
}
