package org.agora.post.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;

/** One GPS-tagged upload per accepted format, as a phone would send them. */
public final class GpsTaggedUploads {
  public static final String SECRET = TestImages.SECRET;

  private GpsTaggedUploads() {}

  public static byte[] jpeg() {
    byte[] plain = TestImages.write(TestImages.pattern(64, 48), "jpg");
    var out = new ByteArrayOutputStream();
    try {
      new ExifRewriter().updateExifMetadataLossless(plain, out, TestImages.exif());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  public static byte[] png() {
    byte[] plain = TestImages.write(TestImages.pattern(64, 48), "png");
    int afterHeader = 8 + 8 + 13 + 4;
    return TestImages.concat(
        Arrays.copyOfRange(plain, 0, afterHeader),
        TestImages.pngChunk("eXIf", TestImages.exifTiff()),
        TestImages.pngChunk("tEXt", TestImages.ascii("Comment\0SECRET-PNG-TEXT")),
        Arrays.copyOfRange(plain, afterHeader, plain.length));
  }

  public static byte[] webp() {
    byte[] lossless = TestImages.WEBP_LOSSLESS;
    int size = TestImages.u32le(lossless, 16);
    byte[] vp8l = Arrays.copyOfRange(lossless, 20, 20 + size);
    byte[] vp8x = new byte[10];
    vp8x[0] = 0x08 | 0x04; // EXIF and XMP present; canvas 1×1 (stored minus one)
    return TestImages.riff(
        TestImages.riffChunk("VP8X", vp8x),
        TestImages.riffChunk("VP8L", vp8l),
        TestImages.riffChunk("EXIF", TestImages.exifTiff()),
        TestImages.riffChunk("XMP ", TestImages.XMP.getBytes(StandardCharsets.UTF_8)));
  }

  public static com.drew.metadata.Metadata metadata(byte[] bytes) {
    return TestImages.metadata(bytes);
  }

  public static boolean contains(byte[] bytes, String needle) {
    return TestImages.contains(bytes, needle);
  }
}
