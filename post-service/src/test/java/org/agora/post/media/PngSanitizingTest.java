package org.agora.post.media;

import static org.agora.post.media.JpegSanitizingTest.assertSamePixels;
import static org.agora.post.media.TestImages.SECRET;
import static org.agora.post.media.TestImages.ascii;
import static org.agora.post.media.TestImages.concat;
import static org.agora.post.media.TestImages.contains;
import static org.agora.post.media.TestImages.decode;
import static org.agora.post.media.TestImages.metadata;
import static org.agora.post.media.TestImages.pngChunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.icc.IccDirectory;
import com.drew.metadata.png.PngDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.agora.post.domain.media.ImageSanitizer;
import org.agora.post.domain.media.ImageType;
import org.junit.jupiter.api.Test;

class PngSanitizingTest {
  private static final int WIDTH = 40;
  private static final int HEIGHT = 30;
  private static final int AFTER_IHDR = 8 + 25;

  private final ImageSanitizer sanitizer = new ImageSanitizer();

  @Test
  void stripsTextXmpExifTimeIccPhysAndPrivateChunks() {
    var source = TestImages.pattern(WIDTH, HEIGHT);
    byte[] plain = TestImages.write(source, "png");
    byte[] upload = withEverything(plain);

    Metadata before = metadata(upload);
    assertThat(before.getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation().getLongitude())
        .isCloseTo(TestImages.LONGITUDE, within(1e-4));
    assertThat(before.containsDirectoryOfType(ExifIFD0Directory.class)).isTrue();
    assertThat(before.containsDirectoryOfType(XmpDirectory.class)).isTrue();
    assertThat(before.containsDirectoryOfType(IccDirectory.class)).isTrue();
    assertThat(pngTags(before))
        .contains(PngDirectory.TAG_TEXTUAL_DATA)
        .contains(PngDirectory.TAG_LAST_MODIFICATION_TIME)
        .contains(PngDirectory.TAG_PIXELS_PER_UNIT_X)
        .contains(PngDirectory.TAG_GAMMA);
    assertThat(contains(upload, "SECRET-TEXT")).isTrue();
    assertThat(contains(upload, "SECRET-PRIVATE")).isTrue();

    var image = sanitizer.sanitize(upload, "image/jpeg");

    assertThat(image.type()).isEqualTo(ImageType.PNG);
    assertThat(image.type().extension()).isEqualTo("png");
    assertThat(image.width()).isEqualTo(WIDTH);
    assertThat(image.height()).isEqualTo(HEIGHT);
    byte[] out = image.bytes();
    Metadata after = metadata(out);
    assertThat(after.containsDirectoryOfType(GpsDirectory.class)).isFalse();
    assertThat(after.containsDirectoryOfType(ExifIFD0Directory.class)).isFalse();
    assertThat(after.containsDirectoryOfType(XmpDirectory.class)).isFalse();
    assertThat(after.containsDirectoryOfType(IccDirectory.class)).isFalse();
    assertThat(pngTags(after))
        .doesNotContain(
            PngDirectory.TAG_TEXTUAL_DATA,
            PngDirectory.TAG_LAST_MODIFICATION_TIME,
            PngDirectory.TAG_PIXELS_PER_UNIT_X,
            PngDirectory.TAG_ICC_PROFILE_NAME)
        .contains(PngDirectory.TAG_GAMMA);
    assertThat(contains(out, SECRET)).isFalse();
    assertThat(chunkTypes(out)).containsExactly("IHDR", "gAMA", "IDAT", "IEND");

    assertSamePixels(decode(out), source);
    assertThat(sanitizer.sanitize(out).bytes()).isEqualTo(out);
  }

  @Test
  void keepsPaletteAndTransparency() {
    byte[] red = {0, (byte) 255, 0, 0};
    byte[] green = {0, 0, (byte) 255, 0};
    byte[] blue = {0, 0, 0, (byte) 255};
    byte[] alpha = {(byte) 255, (byte) 255, (byte) 128, 0};
    var palette = new IndexColorModel(2, 4, red, green, blue, alpha);
    var source = new BufferedImage(8, 4, BufferedImage.TYPE_BYTE_BINARY, palette);
    for (int i = 0; i < 32; i++) {
      source.getRaster().setSample(i % 8, i / 8, 0, i % 4);
    }
    byte[] plain = TestImages.write(source, "png");
    byte[] upload = insertAfterIhdr(plain, pngChunk("tEXt", ascii("Author\0SECRET-AUTHOR")));

    byte[] out = sanitizer.sanitize(upload).bytes();

    assertThat(chunkTypes(out)).containsExactly("IHDR", "PLTE", "tRNS", "IDAT", "IEND");
    assertSamePixels(decode(out), source);
  }

  /** Every kind of chunk that can say where, when or with what, before the image data. */
  static byte[] withEverything(byte[] plain) {
    byte[] xmp =
        concat(
            ascii("XML:com.adobe.xmp\0\0\0\0\0"), TestImages.XMP.getBytes(StandardCharsets.UTF_8));
    byte[] iccp = concat(ascii("SECRET-ICC-NAME\0\0"), TestImages.deflate(TestImages.iccProfile()));
    byte[] ztxt =
        concat(ascii("Description\0\0"), TestImages.deflate(ascii("SECRET-ZTXT: taken at home")));
    byte[] withChunks =
        insertAfterIhdr(
            plain,
            pngChunk("gAMA", new byte[] {0, 0, (byte) 0xB1, (byte) 0x8F}),
            pngChunk("iCCP", iccp),
            pngChunk("pHYs", new byte[] {0, 0, 0x16, 0x25, 0, 0, 0x16, 0x25, 1}),
            pngChunk("tEXt", ascii("Comment\0SECRET-TEXT: taken at home")),
            pngChunk("zTXt", ztxt),
            pngChunk("iTXt", xmp),
            pngChunk("eXIf", TestImages.exifTiff()),
            pngChunk("tIME", new byte[] {0x07, (byte) 0xEA, 11, 29, 20, 0, 0}),
            pngChunk("prVt", ascii("SECRET-PRIVATE")));
    return concat(withChunks, ascii("SECRET-TRAILER"));
  }

  static byte[] insertAfterIhdr(byte[] png, byte[]... chunks) {
    return concat(
        Arrays.copyOf(png, AFTER_IHDR),
        concat(chunks),
        Arrays.copyOfRange(png, AFTER_IHDR, png.length));
  }

  /** Chunk types in order; fails on a bad length or CRC, so it doubles as a validity check. */
  static List<String> chunkTypes(byte[] png) {
    var types = new ArrayList<String>();
    int pos = 8;
    while (pos < png.length) {
      int length = TestImages.u32be(png, pos);
      String type = new String(png, pos + 4, 4, StandardCharsets.US_ASCII);
      var crc = new CRC32();
      crc.update(png, pos + 4, 4 + length);
      assertThat((int) crc.getValue())
          .as("CRC of " + type)
          .isEqualTo(TestImages.u32be(png, pos + 8 + length));
      types.add(type);
      pos += 12 + length;
    }
    assertThat(pos).isEqualTo(png.length);
    return types;
  }

  private static List<Integer> pngTags(Metadata metadata) {
    var tags = new ArrayList<Integer>();
    for (var directory : metadata.getDirectoriesOfType(PngDirectory.class)) {
      directory.getTags().forEach(tag -> tags.add(tag.getTagType()));
    }
    return tags;
  }
}
