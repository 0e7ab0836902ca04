package org.agora.post.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffImageWriterLossy;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Builders for images that carry planted metadata, and readers that look for it. */
final class TestImages {
  static final String SECRET = "SECRET-";
  static final double LATITUDE = 52.5200;
  static final double LONGITUDE = 13.4050;

  // Tiny public WebP samples (the ones browsers use for feature detection), 1×1 each.
  static final byte[] WEBP_LOSSLESS = base64("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
  static final byte[] WEBP_LOSSY =
      base64("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");
  static final byte[] WEBP_ALPHA =
      base64(
          "UklGRkoAAABXRUJQVlA4WAoAAAAQAAAAAAAAAAAAQUxQSAwAAAARBxAR/Q9ERP8DAABWUDggGAAAABQBAJ0BKgEAAQAAAP4AAA3AAP7mtQAAAA==");
  static final byte[] WEBP_ANIMATED =
      base64(
          "UklGRlIAAABXRUJQVlA4WAoAAAASAAAAAAAAAAAAQU5JTQYAAAD/////AABBTk1GJgAAAAAAAAAAAAAAAAAAAGQAAABWUDhMDQAAAC8AAAAQBxAREYiI/gcA");

  static final String XMP =
      """
      <x:xmpmeta xmlns:x="adobe:ns:meta/">
       <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about=""
            xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
            xmlns:exif="http://ns.adobe.com/exif/1.0/"
            photoshop:City="SECRET-XMP-CITY"
            exif:GPSLatitude="52,31.2N"
            exif:GPSLongitude="13,24.3E"/>
       </rdf:RDF>
      </x:xmpmeta>
      """;

  private TestImages() {}

  /** Each quadrant a different colour, so a swapped or shifted image shows. */
  static BufferedImage pattern(int width, int height) {
    var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int r = x < width / 2 ? 220 : 30;
        int g = y < height / 2 ? 200 : 40;
        int b = (x * 255) / width;
        image.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    return image;
  }

  static byte[] write(BufferedImage image, String format) {
    var out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static BufferedImage decode(byte[] bytes) {
    try {
      var image = ImageIO.read(new ByteArrayInputStream(bytes));
      if (image == null) {
        throw new IllegalStateException("ImageIO could not decode");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Metadata metadata(byte[] bytes) {
    try {
      return ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean contains(byte[] haystack, String needle) {
    return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
  }

  /** EXIF as a bare TIFF structure: GPS, a camera make, an owner, a time, and an orientation. */
  static TiffOutputSet exif() {
    try {
      var set = new TiffOutputSet();
      var root = set.getOrCreateRootDirectory();
      root.add(TiffTagConstants.TIFF_TAG_MAKE, "SECRET-EXIF-MAKE");
      root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) 6);
      var exif = set.getOrCreateExifDirectory();
      exif.add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, "2026:11:29 20:00:00");
      exif.add(ExifTagConstants.EXIF_TAG_BODY_SERIAL_NUMBER, "SECRET-EXIF-SERIAL");
      set.setGpsInDegrees(LONGITUDE, LATITUDE);
      return set;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] exifTiff() {
    var out = new ByteArrayOutputStream();
    try {
      new TiffImageWriterLossy(ByteOrder.BIG_ENDIAN).write(out, exif());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  static byte[] iccProfile() {
    return ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] concat(byte[]... parts) {
    var out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  static byte[] deflate(byte[] data) {
    var out = new ByteArrayOutputStream();
    try (var deflater = new DeflaterOutputStream(out, new Deflater(9))) {
      deflater.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] pngChunk(String type, byte[] data) {
    var buffer = ByteBuffer.allocate(12 + data.length);
    buffer.putInt(data.length).put(ascii(type)).put(data);
    var crc = new CRC32();
    crc.update(buffer.array(), 4, 4 + data.length);
    buffer.putInt((int) crc.getValue());
    return buffer.array();
  }

  static byte[] riffChunk(String fourCc, byte[] data) {
    var buffer = ByteBuffer.allocate(8 + data.length + (data.length & 1));
    buffer.order(ByteOrder.LITTLE_ENDIAN).put(ascii(fourCc)).putInt(data.length).put(data);
    return buffer.array();
  }

  static byte[] riff(byte[]... chunks) {
    byte[] body = concat(chunks);
    var buffer = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
    buffer.put(ascii("RIFF")).putInt(4 + body.length).put(ascii("WEBP")).put(body);
    return buffer.array();
  }

  static byte[] jpegSegment(int marker, byte[] payload) {
    var buffer = ByteBuffer.allocate(4 + payload.length);
    buffer.put((byte) 0xFF).put((byte) marker).putShort((short) (payload.length + 2)).put(payload);
    return buffer.array();
  }

  static byte[] base64(String text) {
    return Base64.getDecoder().decode(text);
  }

  static int u32le(byte[] b, int at) {
    return ByteBuffer.wrap(b, at, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }

  static int u32be(byte[] b, int at) {
    return ByteBuffer.wrap(b, at, 4).getInt();
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
