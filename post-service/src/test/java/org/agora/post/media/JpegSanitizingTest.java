package org.agora.post.media;

import static org.agora.post.media.TestImages.SECRET;
import static org.agora.post.media.TestImages.ascii;
import static org.agora.post.media.TestImages.concat;
import static org.agora.post.media.TestImages.contains;
import static org.agora.post.media.TestImages.decode;
import static org.agora.post.media.TestImages.jpegSegment;
import static org.agora.post.media.TestImages.metadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.icc.IccDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.jfif.JfifDirectory;
import com.drew.metadata.jpeg.JpegCommentDirectory;
import com.drew.metadata.photoshop.PhotoshopDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import org.agora.post.domain.media.ImageSanitizer;
import org.agora.post.domain.media.ImageType;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcRecord;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcTypes;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.PhotoshopApp13Data;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Node;

class JpegSanitizingTest {
  private static final int WIDTH = 64;
  private static final int HEIGHT = 48;

  private final ImageSanitizer sanitizer = new ImageSanitizer();

  @Test
  void stripsExifGpsXmpIptcIccCommentThumbnailAndTrailer() throws Exception {
    byte[] plain = TestImages.write(TestImages.pattern(WIDTH, HEIGHT), "jpg");
    byte[] upload = withEverything(plain);

    var before = metadata(upload);
    assertThat(before.getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation().getLatitude())
        .isCloseTo(TestImages.LATITUDE, within(1e-4));
    assertThat(before.containsDirectoryOfType(ExifIFD0Directory.class)).isTrue();
    assertThat(before.containsDirectoryOfType(ExifSubIFDDirectory.class)).isTrue();
    assertThat(before.containsDirectoryOfType(XmpDirectory.class)).isTrue();
    assertThat(before.containsDirectoryOfType(IptcDirectory.class)).isTrue();
    assertThat(before.containsDirectoryOfType(JpegCommentDirectory.class)).isTrue();
    assertThat(before.containsDirectoryOfType(IccDirectory.class)).isTrue();
    assertThat(
            before
                .getFirstDirectoryOfType(JfifDirectory.class)
                .getInt(JfifDirectory.TAG_THUMB_WIDTH))
        .isEqualTo(2);
    for (String planted :
        List.of(
            "EXIF-MAKE", "EXIF-SERIAL", "XMP-CITY", "IPTC-CITY", "COMMENT", "THUMB", "TRAILER")) {
      assertThat(contains(upload, SECRET + planted)).as(planted).isTrue();
    }

    var image = sanitizer.sanitize(upload, "image/png");

    assertThat(image.type()).isEqualTo(ImageType.JPEG);
    assertThat(image.type().mimeType()).isEqualTo("image/jpeg");
    assertThat(image.width()).isEqualTo(WIDTH);
    assertThat(image.height()).isEqualTo(HEIGHT);
    byte[] out = image.bytes();
    var after = metadata(out);
    // Orientation lives in IFD0, so it goes too: documented in the package.
    assertThat(after.containsDirectoryOfType(GpsDirectory.class)).isFalse();
    assertThat(after.containsDirectoryOfType(ExifIFD0Directory.class)).isFalse();
    assertThat(after.containsDirectoryOfType(ExifSubIFDDirectory.class)).isFalse();
    assertThat(after.containsDirectoryOfType(XmpDirectory.class)).isFalse();
    assertThat(after.containsDirectoryOfType(IptcDirectory.class)).isFalse();
    assertThat(after.containsDirectoryOfType(PhotoshopDirectory.class)).isFalse();
    assertThat(after.containsDirectoryOfType(JpegCommentDirectory.class)).isFalse();
    assertThat(after.containsDirectoryOfType(IccDirectory.class)).isFalse();
    var jfif = after.getFirstDirectoryOfType(JfifDirectory.class);
    assertThat(jfif.getInt(JfifDirectory.TAG_THUMB_WIDTH)).isZero();
    assertThat(jfif.getInt(JfifDirectory.TAG_THUMB_HEIGHT)).isZero();
    assertThat(contains(out, SECRET)).isFalse();
    assertThat(out[out.length - 2] & 0xFF).isEqualTo(0xFF);
    assertThat(out[out.length - 1] & 0xFF).isEqualTo(0xD9);

    assertSamePixels(decode(out), decode(plain));
    assertThat(sanitizer.sanitize(out).bytes()).isEqualTo(out);
  }

  @Test
  void keepsProgressiveScansAndRestartMarkersIntact() throws Exception {
    BufferedImage source = TestImages.pattern(WIDTH, HEIGHT);
    byte[] progressive = encode(source, true, 0);
    byte[] restarts = encode(source, false, 2);
    assertThat(count(progressive, 0xDA)).as("scans").isGreaterThan(1);
    assertThat(count(restarts, 0xD0)).as("RST0 markers").isPositive();

    for (byte[] plain : List.of(progressive, restarts)) {
      byte[] upload = withEverything(plain);
      byte[] out = sanitizer.sanitize(upload).bytes();

      assertThat(contains(out, SECRET)).isFalse();
      assertThat(metadata(out).containsDirectoryOfType(GpsDirectory.class)).isFalse();
      assertSamePixels(decode(out), decode(plain));
    }
  }

  @Test
  void keepsTheAdobeSegmentWithoutItsExtraBytes() {
    byte[] plain = TestImages.write(TestImages.pattern(WIDTH, HEIGHT), "jpg");
    byte[] adobe =
        concat(ascii("Adobe"), new byte[] {0, 100, 0, 0, 0, 0, 1}, ascii("SECRET-ADOBE-TAIL"));
    byte[] upload = insertAfterJfif(plain, jpegSegment(0xEE, adobe));

    byte[] out = sanitizer.sanitize(upload).bytes();

    byte[] kept = jpegSegment(0xEE, Arrays.copyOf(adobe, 12));
    assertThat(TestImages.indexOf(out, kept)).isPositive();
    assertThat(contains(out, SECRET)).isFalse();
    assertSamePixels(decode(out), decode(plain));
  }

  /** EXIF with GPS, XMP, IPTC, an ICC profile, a comment, a JFIF thumbnail and a trailer. */
  static byte[] withEverything(byte[] plain) throws Exception {
    var exif = new ByteArrayOutputStream();
    new ExifRewriter().updateExifMetadataLossless(plain, exif, TestImages.exif());
    var xmp = new ByteArrayOutputStream();
    new JpegXmpRewriter().updateXmpXml(exif.toByteArray(), xmp, TestImages.XMP);
    var iptc = new ByteArrayOutputStream();
    new JpegIptcRewriter()
        .writeIptc(
            xmp.toByteArray(),
            iptc,
            new PhotoshopApp13Data(
                List.of(
                    new IptcRecord(IptcTypes.CITY, "SECRET-IPTC-CITY"),
                    new IptcRecord(IptcTypes.BYLINE, "SECRET-IPTC-AUTHOR")),
                List.of()));
    byte[] icc = concat(ascii("ICC_PROFILE\0"), new byte[] {1, 1}, TestImages.iccProfile());
    // A 2×2 RGB thumbnail whose 12 bytes spell the marker.
    byte[] jfif =
        concat(ascii("JFIF\0"), new byte[] {1, 2, 0, 0, 1, 0, 1, 2, 2}, ascii("SECRET-THUMB"));
    byte[] withSegments =
        insertAfterSoi(
            iptc.toByteArray(),
            jpegSegment(0xE0, jfif),
            jpegSegment(0xE2, icc),
            jpegSegment(0xFE, ascii("SECRET-COMMENT: shot at home")));
    return concat(withSegments, ascii("SECRET-TRAILER: a motion-photo video would be here"));
  }

  static byte[] insertAfterSoi(byte[] jpeg, byte[]... segments) {
    return concat(
        Arrays.copyOf(jpeg, 2), concat(segments), Arrays.copyOfRange(jpeg, 2, jpeg.length));
  }

  private static byte[] insertAfterJfif(byte[] jpeg, byte[] segment) {
    int afterJfif = 4 + ((jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF));
    return concat(
        Arrays.copyOf(jpeg, afterJfif), segment, Arrays.copyOfRange(jpeg, afterJfif, jpeg.length));
  }

  static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
    assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
    assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
    for (int y = 0; y < expected.getHeight(); y++) {
      for (int x = 0; x < expected.getWidth(); x++) {
        if (actual.getRGB(x, y) != expected.getRGB(x, y)) {
          throw new AssertionError(
              "pixel ("
                  + x
                  + ","
                  + y
                  + ") changed: "
                  + Integer.toHexString(actual.getRGB(x, y))
                  + " != "
                  + Integer.toHexString(expected.getRGB(x, y)));
        }
      }
    }
  }

  private static byte[] encode(BufferedImage image, boolean progressive, int restartInterval)
      throws Exception {
    var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    if (progressive) {
      param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
    }
    IIOMetadata meta =
        writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
    if (restartInterval > 0) {
      String format = "javax_imageio_jpeg_image_1.0";
      var root = (IIOMetadataNode) meta.getAsTree(format);
      Node markers = root.getElementsByTagName("markerSequence").item(0);
      var dri = new IIOMetadataNode("dri");
      dri.setAttribute("interval", Integer.toString(restartInterval));
      markers.insertBefore(dri, markers.getFirstChild());
      meta.setFromTree(format, root);
    }
    var out = new ByteArrayOutputStream();
    try (var stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, meta), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  private static int count(byte[] jpeg, int marker) {
    int n = 0;
    for (int i = 0; i + 1 < jpeg.length; i++) {
      if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) {
        n++;
      }
    }
    return n;
  }
}
