package org.agora.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RawBytesTest {
  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void findsEveryNeedleInOnePassWhereverItSits() {
    Map<String, byte[]> needles = new LinkedHashMap<>();
    needles.put("at the start", bytes("ABC"));
    needles.put("sharing a first byte", bytes("ABD"));
    needles.put("at the very end", bytes("xyz"));
    needles.put("binary", new byte[] {(byte) 0xff, 0x00, (byte) 0x80});
    needles.put("absent", bytes("ABE"));
    needles.put("cut off by the end", bytes("xyz!"));
    byte[] haystack = bytes("ABC..AB.ABD.." + (char) 0xff + (char) 0x00 + (char) 0x80 + "..xyz");

    assertThat(RawBytes.contained(haystack, needles))
        .containsExactlyInAnyOrder(
            "at the start", "sharing a first byte", "at the very end", "binary");
  }

  @Test
  void anEmptyHaystackHoldsNothingButTheEmptyNeedle() {
    assertThat(RawBytes.contained(new byte[0], Map.of("some", bytes("a"), "empty", new byte[0])))
        .containsExactly("empty");
  }
}
