package org.agora.post.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.agora.post.domain.media.ImageSanitizer;
import org.agora.post.domain.media.MediaRejected;
import org.junit.jupiter.api.Test;

/** Mutated uploads are either sanitised or refused with MediaRejected, and never hang. */
class SanitizerRobustnessTest {
  private static final int MUTANTS_PER_SAMPLE = 5_000;

  private final ImageSanitizer sanitizer = new ImageSanitizer();

  @Test
  void mutatedUploadsAreSanitisedOrRefusedNeverCrash() throws Exception {
    var samples = new LinkedHashMap<String, byte[]>();
    samples.put(
        "jpeg",
        JpegSanitizingTest.withEverything(TestImages.write(TestImages.pattern(24, 16), "jpg")));
    samples.put(
        "png",
        PngSanitizingTest.withEverything(TestImages.write(TestImages.pattern(24, 16), "png")));
    samples.put("webp-lossy", TestImages.WEBP_LOSSY);
    samples.put("webp-alpha", TestImages.WEBP_ALPHA);
    samples.put("webp-animated", TestImages.WEBP_ANIMATED);

    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> fuzz(samples));
  }

  private void fuzz(Map<String, byte[]> samples) {
    var random = new Random(20261129);
    int accepted = 0;
    for (var sample : samples.entrySet()) {
      for (int i = 0; i < MUTANTS_PER_SAMPLE; i++) {
        byte[] mutant = mutate(sample.getValue(), random);
        try {
          byte[] out = sanitizer.sanitize(mutant).bytes();
          // What we emit is stable: sanitising it again changes nothing.
          assertThat(sanitizer.sanitize(out).bytes()).as(sample.getKey()).isEqualTo(out);
          accepted++;
        } catch (MediaRejected rejected) {
          // "malformed structure" would mean a stripper read out of bounds and the net caught it.
          assertThat(rejected.getMessage())
              .as(sample.getKey())
              .startsWith("file: ")
              .doesNotContain("malformed structure");
        } catch (RuntimeException e) {
          throw new AssertionError(
              sample.getKey() + " mutant " + i + " threw " + e + ": " + Arrays.toString(mutant), e);
        }
      }
    }
    assertThat(accepted).as("some mutants still parse").isPositive();
  }

  private static byte[] mutate(byte[] original, Random random) {
    byte[] b = original.clone();
    switch (random.nextInt(5)) {
      case 0 -> {
        for (int n = 1 + random.nextInt(8); n > 0; n--) {
          b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
        }
      }
      case 1 -> b = Arrays.copyOf(b, random.nextInt(b.length));
      case 2 -> {
        // A length field somewhere becomes huge, zero or all ones.
        int at = random.nextInt(b.length - 4);
        int value = new int[] {0, -1, 0x7FFFFFFF, random.nextInt()}[random.nextInt(4)];
        for (int k = 0; k < 4; k++) {
          b[at + k] = (byte) (value >>> (8 * k));
        }
      }
      case 3 -> {
        int from = random.nextInt(b.length);
        int to = Math.min(b.length, from + random.nextInt(64));
        int at = random.nextInt(b.length);
        byte[] slice = Arrays.copyOfRange(b, from, to);
        b = TestImages.concat(Arrays.copyOf(b, at), slice, Arrays.copyOfRange(b, at, b.length));
      }
      default -> {
        // Plant a marker byte pair where the structure is parsed.
        int at = random.nextInt(b.length - 1);
        b[at] = (byte) 0xFF;
        b[at + 1] =
            "\u00D8\u00D9\u00DA\u00C0\u00E1\u00FE\u0000\u00D0"
                .getBytes(StandardCharsets.ISO_8859_1)[random.nextInt(8)];
      }
    }
    return b;
  }
}
