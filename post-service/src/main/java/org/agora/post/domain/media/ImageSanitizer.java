package org.agora.post.domain.media;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Strips metadata from JPEG, PNG and WebP uploads, losslessly, by an allow-list of structure. */
public final class ImageSanitizer {
  private final MediaLimits limits;

  public ImageSanitizer() {
    this(MediaLimits.DEFAULT);
  }

  public ImageSanitizer(MediaLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** The declared content type is deliberately ignored: the bytes decide. */
  public SanitizedImage sanitize(byte[] upload, String declaredContentType) {
    return sanitize(upload);
  }

  public SanitizedImage sanitize(byte[] upload) {
    if (upload == null || upload.length == 0) {
      throw new MediaRejected(MediaRejected.Kind.INVALID, "file: can't be empty");
    }
    ImageType type = detect(upload);
    limits.checkBytes(upload.length);
    try {
      return switch (type) {
        case JPEG -> JpegStripper.strip(upload, limits);
        case PNG -> PngStripper.strip(upload, limits);
        case WEBP -> WebpStripper.strip(upload, limits);
      };
    } catch (IndexOutOfBoundsException | ArithmeticException | NegativeArraySizeException e) {
      // NOTE: a safety net only; the strippers check every length before reading.
      throw MediaRejected.invalid(type, "malformed structure");
    }
  }

  static ImageType detect(byte[] b) {
    int n = b.length;
    if (n >= 3 && Bytes.u8(b, 0) == 0xFF && Bytes.u8(b, 1) == 0xD8 && Bytes.u8(b, 2) == 0xFF) {
      return ImageType.JPEG;
    }
    if (Bytes.startsWith(b, 0, n, "\u0089PNG\r\n\u001A\n")) {
      return ImageType.PNG;
    }
    if (Bytes.startsWith(b, 0, n, "RIFF") && Bytes.startsWith(b, 8, n, "WEBP")) {
      return ImageType.WEBP;
    }
    throw new MediaRejected(
        MediaRejected.Kind.UNSUPPORTED_TYPE,
        "file: " + describe(b) + " is not supported, use JPEG, PNG or WebP");
  }

  // NOTE: only to name what we refuse in the message; the list need not be complete.
  private static String describe(byte[] b) {
    int n = b.length;
    if (Bytes.startsWith(b, 0, n, "GIF87a") || Bytes.startsWith(b, 0, n, "GIF89a")) {
      return "image/gif";
    }
    if (Bytes.startsWith(b, 0, n, "%PDF-")) {
      return "application/pdf";
    }
    if (Bytes.startsWith(b, 0, n, "II*\0") || Bytes.startsWith(b, 0, n, "MM\0*")) {
      return "image/tiff";
    }
    if (Bytes.startsWith(b, 0, n, "BM") && n >= 14) {
      return "image/bmp";
    }
    if (Bytes.startsWith(b, 0, n, "\0\0\1\0") && n >= 6) {
      return "image/x-icon";
    }
    if (Bytes.startsWith(b, 0, n, "\u00FF\n")
        || Bytes.startsWith(b, 0, n, "\0\0\0\fJXL \r\n\u0087\n")) {
      return "image/jxl";
    }
    if (Bytes.startsWith(b, 4, n, "ftyp")) {
      if (Bytes.startsWith(b, 8, n, "avif") || Bytes.startsWith(b, 8, n, "avis")) {
        return "image/avif";
      }
      if (Bytes.startsWith(b, 8, n, "hei")
          || Bytes.startsWith(b, 8, n, "hev")
          || Bytes.startsWith(b, 8, n, "mif1")
          || Bytes.startsWith(b, 8, n, "msf1")) {
        return "image/heic";
      }
      return "video/mp4";
    }
    if (Bytes.startsWith(b, 0, n, "PK\3\4")) {
      return "application/zip";
    }
    if (new String(b, 0, Math.min(n, 512), StandardCharsets.ISO_8859_1).contains("<svg")) {
      return "image/svg+xml";
    }
    return "unrecognised content";
  }
}
