package org.agora.kit.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class KeyShredderTailTest {
  private long offset;

  @Test
  void aShredWithNewKeysAfterItStillAwaitsItsFollowUp() {
    var shred = shred(0, "a");
    var tail = List.of(key(0, "x"), shred, key(0, "b"), key(0, "c"));
    assertThat(KeyShredder.awaitingFollowUp(tail)).containsExactly(shred);
  }

  @Test
  void aFollowUpCoversEveryShredBeforeIt() {
    var tail = List.of(shred(0, "a"), shred(0, "b"), key(0, "c"), followUp(0, "b"), key(0, "d"));
    assertThat(KeyShredder.awaitingFollowUp(tail)).isEmpty();
  }

  @Test
  void onlyTheLastShredAfterTheFollowUpIsNamedAndEachPartitionStandsAlone() {
    var later = shred(0, "c");
    var other = shred(1, "e");
    var tail =
        List.of(
            shred(0, "a"), followUp(0, "a"), shred(0, "b"), other, later, key(0, "d"), key(1, "f"));
    assertThat(KeyShredder.awaitingFollowUp(tail)).containsExactlyInAnyOrder(later, other);
  }

  @Test
  void theReadStartsASegmentSpanAndAMinuteBeforeTheNewestRecord() {
    assertThat(KeyShredder.activeSegmentWindowStart(1_000_000, 60_000)).isEqualTo(880_000);
    // a partition younger than the window is read from its start
    assertThat(KeyShredder.activeSegmentWindowStart(50_000, 60_000)).isZero();
  }

  @Test
  void aTailOfKeysAloneAwaitsNothing() {
    assertThat(KeyShredder.awaitingFollowUp(List.of(key(0, "a"), key(2, "b")))).isEmpty();
  }

  private ConsumerRecord<String, byte[]> key(int partition, String id) {
    return record(partition, id, "wrapped".getBytes(StandardCharsets.UTF_8), new RecordHeaders());
  }

  private ConsumerRecord<String, byte[]> shred(int partition, String id) {
    return record(partition, id, null, new RecordHeaders());
  }

  private ConsumerRecord<String, byte[]> followUp(int partition, String id) {
    var headers = new RecordHeaders();
    headers.add(KeyShredder.FOLLOW_UP_HEADER, "1".getBytes(StandardCharsets.US_ASCII));
    return record(partition, id, null, headers);
  }

  private ConsumerRecord<String, byte[]> record(
      int partition, String id, byte[] value, RecordHeaders headers) {
    return new ConsumerRecord<>(
        "keys",
        partition,
        offset++,
        0L,
        TimestampType.CREATE_TIME,
        0,
        value == null ? -1 : value.length,
        id,
        value,
        headers,
        Optional.empty());
  }
}
