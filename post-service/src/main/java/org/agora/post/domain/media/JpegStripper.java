package org.agora.post.domain.media;

import java.io.ByteArrayOutputStream;

/** Rewrites a JPEG keeping only the segments a decoder needs; see package-info. */
final class JpegStripper {
  private static final int SOI = 0xD8;
  private static final int EOI = 0xD9;
  private static final int SOS = 0xDA;
  private static final int APP0 = 0xE0;
  private static final int APP14 = 0xEE;
  private static final int COM = 0xFE;
  // "JFIF\0", version, units, x and y density: everything up to the thumbnail size bytes.
  private static final int JFIF_HEADER = 12;
  // "Adobe", version, flags0, flags1, transform.
  private static final int ADOBE_LENGTH = 12;

  private final byte[] in;
  private final MediaLimits limits;
  private final ByteArrayOutputStream out;
  private int width = -1;
  private int height = -1;
  private boolean scanned;
  private boolean jfifWritten;
  private boolean adobeWritten;

  private JpegStripper(byte[] in, MediaLimits limits) {
    this.in = in;
    this.limits = limits;
    this.out = new ByteArrayOutputStream(in.length);
  }

  static SanitizedImage strip(byte[] in, MediaLimits limits) {
    return new JpegStripper(in, limits).run();
  }

  private SanitizedImage run() {
    writeMarker(SOI);
    int pos = 2;
    while (true) {
      if (pos >= in.length) {
        throw fail("no end-of-image marker");
      }
      if (Bytes.u8(in, pos) != 0xFF) {
        throw fail("expected a marker at byte " + pos);
      }
      while (pos < in.length && Bytes.u8(in, pos) == 0xFF) {
        pos++; // fill bytes
      }
      if (pos >= in.length) {
        throw fail("no end-of-image marker");
      }
      int marker = Bytes.u8(in, pos++);
      if (marker == EOI) {
        if (width < 0 || !scanned) {
          throw fail("no image data");
        }
        writeMarker(EOI);
        // NOTE: anything after EOI (MPF previews, motion-photo videos, vendor trailers) is dropped.
        return new SanitizedImage(out.toByteArray(), ImageType.JPEG, width, height);
      }
      if (marker == 0x01) {
        continue; // TEM: standalone and meaningless
      }
      if (marker == 0x00 || marker == SOI || (marker >= 0xD0 && marker <= 0xD7)) {
        throw fail(String.format("unexpected marker 0x%02X", marker));
      }
      if (pos + 2 > in.length) {
        throw fail("segment runs past the end");
      }
      int length = Bytes.u16be(in, pos);
      if (length < 2 || pos + length > in.length) {
        throw fail("segment runs past the end");
      }
      int start = pos + 2;
      int end = pos + length;
      pos = end;
      segment(marker, start, end);
      if (marker == SOS) {
        pos = copyScan(pos);
        scanned = true;
      }
    }
  }

  private void segment(int marker, int start, int end) {
    switch (marker) {
      case APP0 -> {
        if (!jfifWritten && end - start >= JFIF_HEADER + 2 && startsWith(start, end, "JFIF\0")) {
          // NOTE: the JFIF thumbnail is dropped; it can show what a crop removed.
          writeSegment(APP0, start, start + JFIF_HEADER, new byte[] {0, 0});
          jfifWritten = true;
        }
      }
      case APP14 -> {
        if (!adobeWritten && end - start >= ADOBE_LENGTH && startsWith(start, end, "Adobe")) {
          // Needed to tell RGB from YCbCr and CMYK from YCCK.
          writeSegment(APP14, start, start + ADOBE_LENGTH, new byte[0]);
          adobeWritten = true;
        }
      }
      case 0xDB, 0xC4, 0xDD, 0xCC ->
          writeSegment(marker, start, end, new byte[0]); // DQT DHT DRI DAC
      case 0xC0, 0xC1, 0xC2, 0xC3, 0xC9, 0xCA, 0xCB -> {
        frame(start, end);
        writeSegment(marker, start, end, new byte[0]);
      }
      case SOS -> {
        if (width < 0) {
          throw fail("scan before frame header");
        }
        int components = end - start >= 1 ? Bytes.u8(in, start) : 0;
        if (components < 1 || components > 4 || end - start != 4 + 2 * components) {
          throw fail("bad scan header");
        }
        writeSegment(SOS, start, end, new byte[0]);
      }
      case 0xC5, 0xC6, 0xC7, 0xCD, 0xCE, 0xCF, 0xDE, 0xDF ->
          throw fail("hierarchical JPEG is not supported");
      default -> {
        if ((marker >= 0xE1 && marker <= 0xEF) || marker == COM) {
          return; // EXIF, XMP, ICC, MPF, IPTC/Photoshop, vendor blocks, comments
        }
        throw fail(String.format("unexpected marker 0x%02X", marker));
      }
    }
  }

  private void frame(int start, int end) {
    if (width >= 0) {
      throw fail("more than one frame header");
    }
    if (end - start < 6) {
      throw fail("frame header too short");
    }
    int h = Bytes.u16be(in, start + 1);
    int w = Bytes.u16be(in, start + 3);
    int components = Bytes.u8(in, start + 5);
    if (components < 1 || end - start != 6 + 3 * components) {
      throw fail("bad frame header");
    }
    if (w == 0 || h == 0) {
      throw fail("frame header without dimensions");
    }
    limits.checkDimensions(w, h);
    width = w;
    height = h;
  }

  // Entropy-coded data runs to the first marker that is neither stuffing (FF00) nor RSTn.
  private int copyScan(int start) {
    int i = start;
    while (true) {
      if (i + 1 >= in.length) {
        throw fail("scan data runs past the end");
      }
      if (in[i] != (byte) 0xFF) {
        i++;
        continue;
      }
      int next = Bytes.u8(in, i + 1);
      if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
        i += 2;
        continue;
      }
      out.write(in, start, i - start);
      return i;
    }
  }

  private boolean startsWith(int start, int end, String ascii) {
    return Bytes.startsWith(in, start, end, ascii);
  }

  private void writeMarker(int marker) {
    out.write(0xFF);
    out.write(marker);
  }

  private void writeSegment(int marker, int start, int end, byte[] suffix) {
    int length = 2 + (end - start) + suffix.length;
    writeMarker(marker);
    out.write(length >>> 8);
    out.write(length & 0xFF);
    out.write(in, start, end - start);
    out.write(suffix, 0, suffix.length);
  }

  private MediaRejected fail(String reason) {
    return MediaRejected.invalid(ImageType.JPEG, reason);
  }
}
