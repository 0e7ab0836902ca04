package org.agora.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
          for (String name : contained(read(file), needles)) {
            found.get(name).add(file);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return found;
  }

  /**
   * The names of the needles that occur in {@code haystack}, in one pass over it: at each position
   * only the needles starting with that byte are compared. NOTE: one pass, not one per needle; the
   * scan reads gigabytes of write-ahead log on a stack that has been benchmarked.
   */
  static Set<String> contained(byte[] haystack, Map<String, byte[]> needles) {
    List<List<Map.Entry<String, byte[]>>> byFirst = new ArrayList<>(256);
    for (int b = 0; b < 256; b++) {
      byFirst.add(new ArrayList<>());
    }
    Set<String> found = new LinkedHashSet<>();
    for (var needle : needles.entrySet()) {
      if (needle.getValue().length == 0) {
        found.add(needle.getKey());
      } else {
        byFirst.get(needle.getValue()[0] & 0xff).add(needle);
      }
    }
    for (int i = 0; i < haystack.length && found.size() < needles.size(); i++) {
      for (var needle : byFirst.get(haystack[i] & 0xff)) {
        if (!found.contains(needle.getKey()) && matchesAt(haystack, i, needle.getValue())) {
          found.add(needle.getKey());
        }
      }
    }
    return found;
  }

  private static boolean matchesAt(byte[] haystack, int at, byte[] needle) {
    if (at + needle.length > haystack.length) {
      return false;
    }
    for (int j = 1; j < needle.length; j++) {
      if (haystack[at + j] != needle[j]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      // NOTE: files vanish while servers run (segments compacted, WAL recycled); gone is fine.
      return new byte[0];
    }
  }
}
