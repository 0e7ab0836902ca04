package org.agora.post.domain.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.CRC32;

/** Rewrites a PNG keeping only the chunks that describe pixels; see package-info. */
final class PngStripper {
  private static final int SIGNATURE_LENGTH = 8;
  // Pixels, palette, transparency, colour interpretation without free text, and APNG frames.
  private static final Set<String> KEPT =
      Set.of(
          "PLTE", "tRNS", "IDAT", "gAMA", "cHRM", "sRGB", "sBIT", "cICP", "acTL", "fcTL", "fdAT");

  private final byte[] in;
  private final MediaLimits limits;
  private final ByteArrayOutputStream out;

  private PngStripper(byte[] in, MediaLimits limits) {
    this.in = in;
    this.limits = limits;
    this.out = new ByteArrayOutputStream(in.length);
  }

  static SanitizedImage strip(byte[] in, MediaLimits limits) {
    return new PngStripper(in, limits).run();
  }

  private SanitizedImage run() {
    out.write(in, 0, SIGNATURE_LENGTH);
    int pos = SIGNATURE_LENGTH;
    int width = -1;
    int height = -1;
    boolean sawData = false;
    while (true) {
      if (pos + 12 > in.length) {
        throw fail(pos == in.length ? "no IEND chunk" : "chunk header runs past the end");
      }
      long length = Bytes.u32be(in, pos);
      if (length > Integer.MAX_VALUE || pos + 12L + length > in.length) {
        throw fail("chunk runs past the end");
      }
      String type = chunkType(pos + 4);
      int end = pos + 12 + (int) length;
      if ((width < 0) != type.equals("IHDR")) {
        throw fail(width < 0 ? "IHDR must come first" : "more than one IHDR");
      }
      switch (type) {
        case "IHDR" -> {
          if (length != 13) {
            throw fail("bad IHDR");
          }
          checkCrc(pos, end);
          width = header(pos + 8);
          height = (int) Bytes.u32be(in, pos + 12);
          out.write(in, pos, end - pos);
        }
        case "IEND" -> {
          if (!sawData) {
            throw fail("no image data");
          }
          checkCrc(pos, end);
          out.write(in, pos, end - pos);
          // NOTE: bytes after IEND are dropped.
          return new SanitizedImage(out.toByteArray(), ImageType.PNG, width, height);
        }
        default -> {
          if (KEPT.contains(type)) {
            checkCrc(pos, end);
            out.write(in, pos, end - pos);
            sawData |= type.equals("IDAT");
          } else if (Character.isUpperCase(type.charAt(0))) {
            // Unknown critical chunk: decoders must refuse it, so dropping it would lie.
            throw fail("unknown critical chunk " + type);
          }
        }
      }
      pos = end;
    }
  }

  private int header(int at) {
    long w = Bytes.u32be(in, at);
    long h = Bytes.u32be(in, at + 4);
    if (w == 0 || h == 0 || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
      throw fail("bad dimensions");
    }
    limits.checkDimensions(w, h);
    int depth = Bytes.u8(in, at + 8);
    int colour = Bytes.u8(in, at + 9);
    boolean valid =
        switch (colour) {
          case 0 -> depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
          case 3 -> depth == 1 || depth == 2 || depth == 4 || depth == 8;
          case 2, 4, 6 -> depth == 8 || depth == 16;
          default -> false;
        };
    if (!valid
        || Bytes.u8(in, at + 10) != 0
        || Bytes.u8(in, at + 11) != 0
        || Bytes.u8(in, at + 12) > 1) {
      throw fail("bad IHDR");
    }
    return (int) w;
  }

  private String chunkType(int at) {
    for (int i = at; i < at + 4; i++) {
      int c = Bytes.u8(in, i);
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
        throw fail("bad chunk type");
      }
    }
    return new String(in, at, 4, StandardCharsets.US_ASCII);
  }

  // Kept chunks are copied as-is, so their CRCs must already be right.
  private void checkCrc(int pos, int end) {
    CRC32 crc = new CRC32();
    crc.update(in, pos + 4, end - pos - 8);
    if (crc.getValue() != Bytes.u32be(in, end - 4)) {
      throw fail("bad CRC in " + new String(in, pos + 4, 4, StandardCharsets.US_ASCII));
    }
  }

  private MediaRejected fail(String reason) {
    return MediaRejected.invalid(ImageType.PNG, reason);
  }
}
