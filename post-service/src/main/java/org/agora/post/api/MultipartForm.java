package org.agora.post.api;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.agora.kit.api.ApiException;

/**
 * A multipart/form-data body parsed in memory. The framework's parser spools every part with a file
 * name to disk, and an upload must not touch the disk before its metadata is stripped.
 */
public final class MultipartForm {
  private final Map<String, byte[]> parts;

  private MultipartForm(Map<String, byte[]> parts) {
    this.parts = parts;
  }

  public Optional<byte[]> bytes(String name) {
    return Optional.ofNullable(parts.get(name));
  }

  public Optional<String> text(String name) {
    return bytes(name).map(b -> new String(b, StandardCharsets.UTF_8));
  }

  public static MultipartForm parse(String contentType, byte[] body) {
    String boundary = boundary(contentType);
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    Map<String, byte[]> parts = new HashMap<>();
    int at = indexOf(body, delimiter, 0);
    if (at < 0) {
      throw ApiException.badRequest("Malformed multipart body: no boundary");
    }
    while (true) {
      int start = at + delimiter.length;
      if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
        return new MultipartForm(parts);
      }
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
      int next = indexOf(body, delimiter, start);
      if (headersEnd < 0 || next < 0 || headersEnd > next) {
        throw ApiException.badRequest("Malformed multipart body");
      }
      String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
      int dataEnd = next - 2; // the CRLF before the delimiter belongs to it
      if (dataEnd < headersEnd + 4) {
        throw ApiException.badRequest("Malformed multipart body");
      }
      name(headers)
          .ifPresent(
              name -> {
                byte[] data = new byte[dataEnd - (headersEnd + 4)];
                System.arraycopy(body, headersEnd + 4, data, 0, data.length);
                parts.putIfAbsent(name, data);
              });
      at = next;
    }
  }

  private static String boundary(String contentType) {
    if (contentType != null) {
      for (String parameter : contentType.split(";")) {
        String p = parameter.trim();
        if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
          String value = p.substring("boundary=".length());
          if (value.startsWith("\"") && value.endsWith("\"") && value.length() > 1) {
            value = value.substring(1, value.length() - 1);
          }
          if (!value.isEmpty() && value.length() <= 70) {
            return value;
          }
        }
      }
    }
    throw ApiException.badRequest("Content-Type: multipart/form-data needs a boundary");
  }

  private static Optional<String> name(String headers) {
    for (String line : headers.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
        for (String parameter : line.split(";")) {
          String p = parameter.trim();
          if (p.startsWith("name=")) {
            return Optional.of(p.substring(5).replace("\"", ""));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
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
