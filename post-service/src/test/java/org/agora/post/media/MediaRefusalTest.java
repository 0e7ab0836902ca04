package org.agora.post.media;

import static org.agora.post.media.TestImages.ascii;
import static org.agora.post.media.TestImages.concat;
import static org.agora.post.media.TestImages.pngChunk;
import static org.agora.post.media.TestImages.riff;
import static org.agora.post.media.TestImages.riffChunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.agora.post.domain.media.ImageSanitizer;
import org.agora.post.domain.media.ImageType;
import org.agora.post.domain.media.MediaLimits;
import org.agora.post.domain.media.MediaRejected;
import org.agora.post.domain.media.MediaRejected.Kind;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class MediaRefusalTest {
  private static final byte[] GIF =
      TestImages.base64("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
  private static final byte[] JPEG = TestImages.write(TestImages.pattern(32, 24), "jpg");
  private static final byte[] PNG = TestImages.write(TestImages.pattern(32, 24), "png");

  private final ImageSanitizer sanitizer = new ImageSanitizer();

  @Test
  void detectsTheFormatFromTheBytesNotTheDeclaredType() {
    assertRejected(GIF, "image/jpeg", Kind.UNSUPPORTED_TYPE)
        .hasMessage("file: image/gif is not supported, use JPEG, PNG or WebP");
    assertRejected(ascii("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), "image/png", Kind.UNSUPPORTED_TYPE)
        .hasMessage("file: application/pdf is not supported, use JPEG, PNG or WebP");
    byte[] heic = concat(new byte[] {0, 0, 0, 24}, ascii("ftypheic\0\0\0\0mif1heic"));
    assertRejected(heic, "image/jpeg", Kind.UNSUPPORTED_TYPE)
        .hasMessage("file: image/heic is not supported, use JPEG, PNG or WebP");
    byte[] noise = new byte[4096];
    new Random(7).nextBytes(noise);
    noise[0] = 0x13;
    assertRejected(noise, "image/webp", Kind.UNSUPPORTED_TYPE)
        .hasMessage("file: unrecognised content is not supported, use JPEG, PNG or WebP");
    byte[] wave = concat(ascii("RIFF"), new byte[] {4, 0, 0, 0}, ascii("WAVE"));
    assertRejected(wave, "image/webp", Kind.UNSUPPORTED_TYPE);

    assertThat(sanitizer.sanitize(PNG, "image/gif").type()).isEqualTo(ImageType.PNG);
    assertThat(sanitizer.sanitize(JPEG, null).type()).isEqualTo(ImageType.JPEG);
  }

  @Test
  void refusesEmptyUploads() {
    assertRejected(new byte[0], "image/png", Kind.INVALID).hasMessage("file: can't be empty");
    assertRejected(null, "image/png", Kind.INVALID).hasMessage("file: can't be empty");
  }

  @Test
  void refusesFilesOverTheByteLimit() {
    byte[] big = new byte[12 * 1024 * 1024];
    big[0] = (byte) 0xFF;
    big[1] = (byte) 0xD8;
    big[2] = (byte) 0xFF;
    assertRejected(big, "image/jpeg", Kind.TOO_LARGE)
        .hasMessage("file: 12582912 bytes, at most 10485760");

    var strict = new ImageSanitizer(new MediaLimits(100, 40_000_000, 10_000));
    var rejected = catchThrowableOfType(MediaRejected.class, () -> strict.sanitize(PNG));
    assertThat(rejected.kind()).isEqualTo(Kind.TOO_LARGE);
    assertThat(rejected).hasMessage("file: " + PNG.length + " bytes, at most 100");
  }

  @Test
  void refusesTooManyPixelsFromTheHeadersAlone() {
    assertRejected(jpegClaiming(50_000, 50_000), "image/jpeg", Kind.TOO_LARGE)
        .hasMessage("file: 50000×50000 pixels, at most 40000000");
    assertRejected(jpegClaiming(12_000, 9_000), "image/jpeg", Kind.TOO_LARGE)
        .hasMessage("file: 12000×9000 pixels, at most 40000000");
    assertRejected(jpegClaiming(12_000, 100), "image/jpeg", Kind.TOO_LARGE)
        .hasMessage("file: 12000×100 pixels, at most 10000 per side");
    assertRejected(pngClaiming(50_000, 50_000), "image/png", Kind.TOO_LARGE)
        .hasMessage("file: 50000×50000 pixels, at most 40000000");
    assertRejected(pngClaiming(100, 20_000), "image/png", Kind.TOO_LARGE)
        .hasMessage("file: 100×20000 pixels, at most 10000 per side");
    byte[] vp8l = Arrays.copyOfRange(TestImages.WEBP_LOSSLESS, 20, 33);
    assertRejected(
            riff(WebpSanitizingTest.vp8x(0, 50_000, 50_000), riffChunk("VP8L", vp8l)),
            "image/webp",
            Kind.TOO_LARGE)
        .hasMessage("file: 50000×50000 pixels, at most 40000000");
    // VP8L stores width-1 and height-1 in 14 bits each: 16384×16384 at most.
    byte[] huge = vp8l.clone();
    huge[1] = (byte) 0xFF;
    huge[2] = (byte) 0xFF;
    huge[3] = (byte) 0xFF;
    huge[4] = (byte) (huge[4] | 0x0F);
    assertRejected(riff(riffChunk("VP8L", huge)), "image/webp", Kind.TOO_LARGE)
        .hasMessage("file: 16384×16384 pixels, at most 40000000");
  }

  @Test
  void refusesTruncatedFiles() {
    assertRejected(Arrays.copyOf(JPEG, JPEG.length / 2), "image/jpeg", Kind.INVALID)
        .hasMessageStartingWith("file: not a valid JPEG image");
    assertRejected(Arrays.copyOf(JPEG, JPEG.length - 2), "image/jpeg", Kind.INVALID)
        .hasMessage("file: not a valid JPEG image (scan data runs past the end)");
    assertRejected(Arrays.copyOf(JPEG, 3), "image/jpeg", Kind.INVALID)
        .hasMessageStartingWith("file: not a valid JPEG image");
    assertRejected(Arrays.copyOf(PNG, PNG.length / 2), "image/png", Kind.INVALID)
        .hasMessage("file: not a valid PNG image (chunk runs past the end)");
    assertRejected(Arrays.copyOf(PNG, PNG.length - 12), "image/png", Kind.INVALID)
        .hasMessage("file: not a valid PNG image (no IEND chunk)");
    assertRejected(Arrays.copyOf(PNG, 8), "image/png", Kind.INVALID)
        .hasMessageStartingWith("file: not a valid PNG image");
    byte[] webp = TestImages.WEBP_ALPHA;
    assertRejected(Arrays.copyOf(webp, webp.length - 10), "image/webp", Kind.INVALID)
        .hasMessageStartingWith("file: not a valid WebP image (RIFF size");
    assertRejected(Arrays.copyOf(webp, 16), "image/webp", Kind.INVALID)
        .hasMessage("file: not a valid WebP image (truncated header)");
  }

  @Test
  void refusesLengthsThatRunPastTheEnd() {
    byte[] jpeg = JpegSanitizingTest.insertAfterSoi(JPEG, new byte[] {(byte) 0xFF, (byte) 0xE1});
    jpeg = Arrays.copyOf(jpeg, 4);
    assertRejected(
            concat(jpeg, new byte[] {(byte) 0xFF, (byte) 0xF0, 'E', 'x'}), null, Kind.INVALID)
        .hasMessage("file: not a valid JPEG image (segment runs past the end)");
    // A segment length below 2 would never advance.
    byte[] stuck =
        JpegSanitizingTest.insertAfterSoi(JPEG, new byte[] {(byte) 0xFF, (byte) 0xE1, 0, 0});
    assertRejected(stuck, null, Kind.INVALID)
        .hasMessage("file: not a valid JPEG image (segment runs past the end)");

    for (int length : new int[] {0x7FFFFFF0, 0xFFFFFFFF, 1 << 20}) {
      byte[] chunk = ByteBuffer.allocate(12).putInt(length).put(ascii("tEXt")).array();
      assertRejected(PngSanitizingTest.insertAfterIhdr(PNG, chunk), null, Kind.INVALID)
          .hasMessage("file: not a valid PNG image (chunk runs past the end)");
    }

    byte[] lying = riff(riffChunk("VP8L", Arrays.copyOfRange(TestImages.WEBP_LOSSLESS, 20, 33)));
    ByteBuffer.wrap(lying).order(ByteOrder.LITTLE_ENDIAN).putInt(16, 0xFFFFFFF0);
    assertRejected(lying, null, Kind.INVALID)
        .hasMessage("file: not a valid WebP image (chunk VP8L runs past the end)");
    byte[] riffTooBig = TestImages.WEBP_LOSSLESS.clone();
    ByteBuffer.wrap(riffTooBig).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0x7FFFFFFF);
    assertRejected(riffTooBig, null, Kind.INVALID)
        .hasMessage("file: not a valid WebP image (RIFF size 2147483647 does not match the file)");
  }

  @Test
  void refusesBrokenStructure() {
    byte[] badCrc = PNG.clone();
    int idat = TestImages.indexOf(badCrc, ascii("IDAT"));
    badCrc[idat + 6] ^= 0x01;
    assertRejected(badCrc, null, Kind.INVALID)
        .hasMessage("file: not a valid PNG image (bad CRC in IDAT)");
    assertRejected(
            PngSanitizingTest.insertAfterIhdr(PNG, pngChunk("ZZZZ", new byte[1])),
            null,
            Kind.INVALID)
        .hasMessage("file: not a valid PNG image (unknown critical chunk ZZZZ)");
    byte[] noHeader = concat(Arrays.copyOf(PNG, 8), Arrays.copyOfRange(PNG, 33, PNG.length));
    assertRejected(noHeader, null, Kind.INVALID)
        .hasMessage("file: not a valid PNG image (IHDR must come first)");

    byte[] scanFirst =
        concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, jpegSegmentOf(JPEG, 0xDA), JPEG);
    assertRejected(scanFirst, null, Kind.INVALID)
        .hasMessage("file: not a valid JPEG image (scan before frame header)");

    assertRejected(riff(riffChunk("JUNK", new byte[4])), null, Kind.INVALID)
        .hasMessage("file: not a valid WebP image (first chunk must be VP8, VP8L or VP8X)");
    assertRejected(riff(WebpSanitizingTest.vp8x(0, 1, 1)), null, Kind.INVALID)
        .hasMessage("file: not a valid WebP image (no image data)");
  }

  private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(
      byte[] upload, String declared, Kind kind) {
    var rejected =
        catchThrowableOfType(MediaRejected.class, () -> sanitizer.sanitize(upload, declared));
    assertThat(rejected).as("rejected").isNotNull();
    assertThat(rejected.kind()).isEqualTo(kind);
    return assertThat((Throwable) rejected);
  }

  private static byte[] jpegClaiming(int width, int height) {
    byte[] jpeg = JPEG.clone();
    int sof = TestImages.indexOf(jpeg, new byte[] {(byte) 0xFF, (byte) 0xC0});
    ByteBuffer.wrap(jpeg).putShort(sof + 5, (short) height).putShort(sof + 7, (short) width);
    return jpeg;
  }

  private static byte[] pngClaiming(int width, int height) {
    byte[] ihdr = Arrays.copyOfRange(PNG, 16, 29);
    ByteBuffer.wrap(ihdr).putInt(0, width).putInt(4, height);
    return concat(
        Arrays.copyOf(PNG, 8), pngChunk("IHDR", ihdr), Arrays.copyOfRange(PNG, 33, PNG.length));
  }

  private static byte[] jpegSegmentOf(byte[] jpeg, int marker) {
    int at = TestImages.indexOf(jpeg, new byte[] {(byte) 0xFF, (byte) marker});
    int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
    return Arrays.copyOfRange(jpeg, at, at + 2 + length);
  }
}
