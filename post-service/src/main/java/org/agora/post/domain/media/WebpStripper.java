package org.agora.post.domain.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Rewrites a WebP keeping only image and animation chunks; see package-info. */
final class WebpStripper {
  private static final int HEADER = 12; // "RIFF", size, "WEBP"
  private static final int ALPHA_FLAG = 0x10;
  private static final int ANIMATION_FLAG = 0x02;
  private static final int ANMF_HEADER = 16;

  private record Chunk(String fourCc, int data, int size, int next) {}

  private record Size(int width, int height) {}

  private final byte[] in;
  private final MediaLimits limits;

  private WebpStripper(byte[] in, MediaLimits limits) {
    this.in = in;
    this.limits = limits;
  }

  static SanitizedImage strip(byte[] in, MediaLimits limits) {
    return new WebpStripper(in, limits).run();
  }

  private SanitizedImage run() {
    if (in.length < HEADER + 8) {
      throw fail("truncated header");
    }
    long riffSize = Bytes.u32le(in, 4);
    if (riffSize < 4 + 8 || 8 + riffSize > in.length) {
      throw fail("RIFF size " + riffSize + " does not match the file");
    }
    // NOTE: bytes after the RIFF payload are dropped.
    int end = (int) (8 + riffSize);
    Chunk first = chunkAt(HEADER, end);
    ByteArrayOutputStream body = new ByteArrayOutputStream(in.length);
    Size size =
        switch (first.fourCc()) {
          case "VP8 ", "VP8L" -> {
            // Simple format: the bitstream is the whole image; any later chunk is dropped.
            Size s = bitstreamSize(first);
            limits.checkDimensions(s.width(), s.height());
            writeChunk(body, first);
            yield s;
          }
          case "VP8X" -> extended(first, end, body);
          default -> throw fail("first chunk must be VP8, VP8L or VP8X");
        };
    byte[] payload = body.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER + payload.length);
    out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
    writeLe32(out, 4 + payload.length);
    out.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(payload);
    return new SanitizedImage(out.toByteArray(), ImageType.WEBP, size.width(), size.height());
  }

  private Size extended(Chunk vp8x, int end, ByteArrayOutputStream body) {
    if (vp8x.size() < 10) {
      throw fail("VP8X chunk too short");
    }
    int flags = Bytes.u8(in, vp8x.data());
    int width = Bytes.u24le(in, vp8x.data() + 4) + 1;
    int height = Bytes.u24le(in, vp8x.data() + 7) + 1;
    limits.checkDimensions(width, height);
    boolean animated = (flags & ANIMATION_FLAG) != 0;

    ByteArrayOutputStream rest = new ByteArrayOutputStream(in.length);
    boolean image = false;
    int pos = vp8x.next();
    while (pos < end) {
      Chunk chunk = chunkAt(pos, end);
      switch (chunk.fourCc()) {
        case "ALPH", "ANIM" -> writeChunk(rest, chunk);
        case "VP8 ", "VP8L" -> {
          Size s = bitstreamSize(chunk);
          if (!animated && (s.width() != width || s.height() != height)) {
            throw fail("bitstream size differs from canvas");
          }
          writeChunk(rest, chunk);
          image = true;
        }
        case "ANMF" -> {
          frame(chunk, width, height, rest);
          image = true;
        }
        default -> {} // ICCP, EXIF, "XMP " and anything unknown
      }
      pos = chunk.next();
    }
    if (!image) {
      throw fail("no image data");
    }
    // A fresh VP8X: ICC, EXIF and XMP flags and all reserved bits cleared.
    body.writeBytes("VP8X".getBytes(StandardCharsets.US_ASCII));
    writeLe32(body, 10);
    body.write(flags & (ALPHA_FLAG | ANIMATION_FLAG));
    body.writeBytes(new byte[3]);
    writeLe24(body, width - 1);
    writeLe24(body, height - 1);
    body.writeBytes(rest.toByteArray());
    return new Size(width, height);
  }

  // An ANMF frame nests its own chunks; only the frame's alpha and bitstream survive.
  private void frame(Chunk anmf, int canvasWidth, int canvasHeight, ByteArrayOutputStream out) {
    if (anmf.size() < ANMF_HEADER + 8) {
      throw fail("ANMF chunk too short");
    }
    int d = anmf.data();
    long x = 2L * Bytes.u24le(in, d);
    long y = 2L * Bytes.u24le(in, d + 3);
    int width = Bytes.u24le(in, d + 6) + 1;
    int height = Bytes.u24le(in, d + 9) + 1;
    if (x + width > canvasWidth || y + height > canvasHeight) {
      throw fail("frame outside the canvas");
    }
    ByteArrayOutputStream frame = new ByteArrayOutputStream(anmf.size());
    frame.write(in, d, ANMF_HEADER);
    boolean bitstream = false;
    int end = d + anmf.size();
    int pos = d + ANMF_HEADER;
    while (pos < end) {
      Chunk chunk = chunkAt(pos, end);
      switch (chunk.fourCc()) {
        case "ALPH" -> writeChunk(frame, chunk);
        case "VP8 ", "VP8L" -> {
          Size s = bitstreamSize(chunk);
          if (s.width() != width || s.height() != height) {
            throw fail("bitstream size differs from frame");
          }
          writeChunk(frame, chunk);
          bitstream = true;
        }
        default -> {}
      }
      pos = chunk.next();
    }
    if (!bitstream) {
      throw fail("frame without image data");
    }
    out.writeBytes("ANMF".getBytes(StandardCharsets.US_ASCII));
    writeLe32(out, frame.size());
    out.writeBytes(frame.toByteArray());
    if ((frame.size() & 1) != 0) {
      out.write(0);
    }
  }

  private Size bitstreamSize(Chunk chunk) {
    int d = chunk.data();
    if (chunk.fourCc().equals("VP8L")) {
      if (chunk.size() < 5 || Bytes.u8(in, d) != 0x2F) {
        throw fail("bad VP8L header");
      }
      long bits = Bytes.u32le(in, d + 1);
      if ((bits >>> 29) != 0) {
        throw fail("unknown VP8L version");
      }
      return new Size((int) (bits & 0x3FFF) + 1, (int) ((bits >>> 14) & 0x3FFF) + 1);
    }
    if (chunk.size() < 10
        || (Bytes.u8(in, d) & 1) != 0
        || Bytes.u8(in, d + 3) != 0x9D
        || Bytes.u8(in, d + 4) != 0x01
        || Bytes.u8(in, d + 5) != 0x2A) {
      throw fail("bad VP8 header");
    }
    int width = Bytes.u16le(in, d + 6) & 0x3FFF;
    int height = Bytes.u16le(in, d + 8) & 0x3FFF;
    if (width == 0 || height == 0) {
      throw fail("bad VP8 dimensions");
    }
    return new Size(width, height);
  }

  private Chunk chunkAt(int pos, int end) {
    if (pos + 8 > end) {
      throw fail("chunk header runs past the end");
    }
    for (int i = pos; i < pos + 4; i++) {
      int c = Bytes.u8(in, i);
      if (c < 0x20 || c > 0x7E) {
        throw fail("bad chunk name");
      }
    }
    String fourCc = new String(in, pos, 4, StandardCharsets.US_ASCII);
    long size = Bytes.u32le(in, pos + 4);
    if (pos + 8 + size > end) {
      throw fail("chunk " + fourCc.strip() + " runs past the end");
    }
    // Tolerate a missing pad byte after the last chunk only.
    long next = Math.min(pos + 8 + size + (size & 1), end);
    return new Chunk(fourCc, pos + 8, (int) size, (int) next);
  }

  private void writeChunk(ByteArrayOutputStream out, Chunk chunk) {
    out.write(in, chunk.data() - 8, 4);
    writeLe32(out, chunk.size());
    out.write(in, chunk.data(), chunk.size());
    if ((chunk.size() & 1) != 0) {
      out.write(0);
    }
  }

  private static void writeLe24(ByteArrayOutputStream out, int value) {
    out.write(value & 0xFF);
    out.write((value >>> 8) & 0xFF);
    out.write((value >>> 16) & 0xFF);
  }

  private static void writeLe32(ByteArrayOutputStream out, int value) {
    writeLe24(out, value);
    out.write(value >>> 24);
  }

  private MediaRejected fail(String reason) {
    return MediaRejected.invalid(ImageType.WEBP, reason);
  }
}
