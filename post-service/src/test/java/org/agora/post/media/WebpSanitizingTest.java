package org.agora.post.media;

import static org.agora.post.media.TestImages.SECRET;
import static org.agora.post.media.TestImages.ascii;
import static org.agora.post.media.TestImages.concat;
import static org.agora.post.media.TestImages.contains;
import static org.agora.post.media.TestImages.metadata;
import static org.agora.post.media.TestImages.riff;
import static org.agora.post.media.TestImages.riffChunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.icc.IccDirectory;
import com.drew.metadata.webp.WebpDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.agora.post.domain.media.ImageSanitizer;
import org.agora.post.domain.media.ImageType;
import org.apache.commons.imaging.Imaging;
import org.junit.jupiter.api.Test;

class WebpSanitizingTest {
  private static final int ICC = 0x20;
  private static final int ALPHA = 0x10;
  private static final int EXIF = 0x08;
  private static final int XMP = 0x04;
  private static final int ANIMATION = 0x02;

  private final ImageSanitizer sanitizer = new ImageSanitizer();

  @Test
  void stripsExifXmpIccAndUnknownChunksAndClearsTheirFlags() throws Exception {
    byte[] vp8l = Arrays.copyOfRange(TestImages.WEBP_LOSSLESS, 20, 33);
    byte[] upload =
        riff(
            vp8x(ICC | ALPHA | EXIF | XMP, 1, 1),
            riffChunk("ICCP", TestImages.iccProfile()),
            riffChunk("VP8L", vp8l),
            riffChunk("EXIF", TestImages.exifTiff()),
            riffChunk("XMP ", TestImages.XMP.getBytes(StandardCharsets.UTF_8)),
            riffChunk("SCRT", ascii("SECRET-PRIVATE")));

    Metadata before = metadata(upload);
    assertThat(before.getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation().getLatitude())
        .isCloseTo(TestImages.LATITUDE, within(1e-4));
    assertThat(before.containsDirectoryOfType(ExifIFD0Directory.class)).isTrue();
    assertThat(before.containsDirectoryOfType(XmpDirectory.class)).isTrue();
    assertThat(before.containsDirectoryOfType(IccDirectory.class)).isTrue();
    assertThat(Imaging.getImageInfo(upload).getWidth()).isEqualTo(1);
    assertThat(contains(upload, SECRET)).isTrue();

    var image = sanitizer.sanitize(upload, "image/png");

    assertThat(image.type()).isEqualTo(ImageType.WEBP);
    assertThat(image.type().mimeType()).isEqualTo("image/webp");
    assertThat(image.width()).isEqualTo(1);
    assertThat(image.height()).isEqualTo(1);
    byte[] out = image.bytes();
    Metadata after = metadata(out);
    assertThat(after.containsDirectoryOfType(GpsDirectory.class)).isFalse();
    assertThat(after.containsDirectoryOfType(ExifIFD0Directory.class)).isFalse();
    assertThat(after.containsDirectoryOfType(XmpDirectory.class)).isFalse();
    assertThat(after.containsDirectoryOfType(IccDirectory.class)).isFalse();
    assertThat(
            after
                .getFirstDirectoryOfType(WebpDirectory.class)
                .getBoolean(WebpDirectory.TAG_HAS_ALPHA))
        .isTrue();
    assertThat(contains(out, SECRET)).isFalse();

    assertThat(chunks(out)).containsExactly("VP8X", "VP8L");
    assertThat(out[20]).as("VP8X flags").isEqualTo((byte) ALPHA);
    assertThat(chunkData(out, 1)).isEqualTo(vp8l);
    assertThat(out).isEqualTo(riff(vp8x(ALPHA, 1, 1), riffChunk("VP8L", vp8l)));
    var info = Imaging.getImageInfo(out);
    assertThat(info.getWidth()).isEqualTo(1);
    assertThat(info.getHeight()).isEqualTo(1);
  }

  @Test
  void keepsAlphaAndLossyBitstreamsByteForByte() {
    byte[] original = TestImages.WEBP_ALPHA;
    byte[] upload =
        concat(
            riff(
                vp8x(ALPHA | EXIF | XMP, 1, 1),
                Arrays.copyOfRange(original, 30, original.length),
                riffChunk("EXIF", TestImages.exifTiff()),
                riffChunk("XMP ", TestImages.XMP.getBytes(StandardCharsets.UTF_8))));
    assertThat(metadata(upload).containsDirectoryOfType(GpsDirectory.class)).isTrue();

    byte[] out = sanitizer.sanitize(upload).bytes();

    assertThat(chunks(out)).containsExactly("VP8X", "ALPH", "VP8 ");
    assertThat(out).isEqualTo(original);
  }

  @Test
  void filtersChunksNestedInAnimationFrames() {
    byte[] original = TestImages.WEBP_ANIMATED;
    byte[] anmfHeader = Arrays.copyOfRange(original, 52, 68);
    byte[] frameBitstream = Arrays.copyOfRange(original, 68, 90);
    byte[] upload =
        riff(
            vp8x(ALPHA | ANIMATION | EXIF, 1, 1),
            Arrays.copyOfRange(original, 30, 44),
            riffChunk(
                "ANMF",
                concat(anmfHeader, riffChunk("SCRT", ascii("SECRET-FRAME")), frameBitstream)),
            riffChunk("EXIF", TestImages.exifTiff()));
    assertThat(chunks(upload)).containsExactly("VP8X", "ANIM", "ANMF", "EXIF");

    var image = sanitizer.sanitize(upload);

    assertThat(contains(image.bytes(), SECRET)).isFalse();
    assertThat(image.bytes()).isEqualTo(original);
  }

  @Test
  void leavesCleanFilesAsTheyAre() {
    for (byte[] clean :
        List.of(
            TestImages.WEBP_LOSSLESS,
            TestImages.WEBP_LOSSY,
            TestImages.WEBP_ALPHA,
            TestImages.WEBP_ANIMATED)) {
      var image = sanitizer.sanitize(clean);
      assertThat(image.bytes()).isEqualTo(clean);
      assertThat(image.width()).isEqualTo(1);
      assertThat(image.height()).isEqualTo(1);
    }
  }

  static byte[] vp8x(int flags, int width, int height) {
    int w = width - 1;
    int h = height - 1;
    return riffChunk(
        "VP8X",
        new byte[] {
          (byte) flags,
          0,
          0,
          0,
          (byte) w,
          (byte) (w >> 8),
          (byte) (w >> 16),
          (byte) h,
          (byte) (h >> 8),
          (byte) (h >> 16)
        });
  }

  /** Top-level chunk names; checks the RIFF size and every chunk's length and padding. */
  static List<String> chunks(byte[] webp) {
    assertThat(TestImages.u32le(webp, 4)).as("RIFF size").isEqualTo(webp.length - 8);
    var names = new ArrayList<String>();
    int pos = 12;
    while (pos < webp.length) {
      assertThat(pos + 8).isLessThanOrEqualTo(webp.length);
      int size = TestImages.u32le(webp, pos + 4);
      names.add(new String(webp, pos, 4, StandardCharsets.US_ASCII));
      pos += 8 + size + (size & 1);
    }
    assertThat(pos).isEqualTo(webp.length);
    return names;
  }

  private static byte[] chunkData(byte[] webp, int index) {
    int pos = 12;
    for (int i = 0; i < index; i++) {
      int size = TestImages.u32le(webp, pos + 4);
      pos += 8 + size + (size & 1);
    }
    return Arrays.copyOfRange(webp, pos + 8, pos + 8 + TestImages.u32le(webp, pos + 4));
  }
}
