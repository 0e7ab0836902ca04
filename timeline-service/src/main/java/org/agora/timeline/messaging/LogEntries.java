package org.agora.timeline.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.agora.events.AgoraEvent;
import org.agora.events.EventCodec;
import org.agora.timeline.projection.LogEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Reads Kafka records (CloudEvents binary mode: the type in {@code ce_type}) into log entries.
 * Records it cannot read (no type, a type of a later version, a malformed payload) keep their
 * position with no event, so they are skipped once and never block the stream.
 */
public final class LogEntries {
  private static final Logger LOG = Logger.getLogger(LogEntries.class);

  private LogEntries() {}

  public static List<LogEntry> of(Iterable<ConsumerRecord<String, byte[]>> records) {
    List<LogEntry> entries = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      entries.add(new LogEntry(record.topic(), record.partition(), record.offset(), event(record)));
    }
    return entries;
  }

  /** A batch as the log and the readiness check name it: its first record and its size. */
  static String describe(List<LogEntry> entries) {
    LogEntry first = entries.get(0);
    return "projecting %d records from %s-%d@%d"
        .formatted(entries.size(), first.topic(), first.partition(), first.offset());
  }

  static AgoraEvent event(ConsumerRecord<String, byte[]> record) {
    var header = record.headers().lastHeader("ce_type");
    if (header == null || record.value() == null) {
      LOG.warnf(
          "skipping a record without CloudEvents type or payload at %s-%d@%d",
          record.topic(), record.partition(), record.offset());
      return null;
    }
    String type = new String(header.value(), StandardCharsets.UTF_8);
    if (!EventCodec.knows(type)) {
      LOG.debugf("ignoring %s", type);
      return null;
    }
    try {
      return EventCodec.decode(type, record.value());
    } catch (EventCodec.MalformedEventException e) {
      LOG.errorf(
          "skipping malformed %s at %s-%d@%d: %s",
          type, record.topic(), record.partition(), record.offset(), e.getMessage());
      return null;
    }
  }
}
