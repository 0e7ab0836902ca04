package org.agora.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Scans every file under some directories for byte patterns, as a forensic examiner would. */
final class RawBytes {
  private RawBytes() {}

  /** For each named needle, the files that contain it (empty lists when gone everywhere). */
  static Map<String, List<Path>> find(List<Path> roots, Map<String, byte[]> needles) {
    Map<String, List<Path>> found = new LinkedHashMap<>();
    needles.keySet().forEach(name -> found.put(name, new ArrayList<>()));
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          byte[] bytes = read(file);
          needles.forEach(
              (name, needle) -> {
                if (indexOf(bytes, needle) >= 0) {
                  found.get(name).add(file);
                }
              });
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return found;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      // NOTE: files vanish while servers run (segments compacted, WAL recycled); gone is fine.
      return new byte[0];
    }
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    if (needle.length == 0) {
      return 0;
    }
    byte first = needle[0];
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      if (haystack[i] != first) {
        continue;
      }
      for (int j = 1; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
