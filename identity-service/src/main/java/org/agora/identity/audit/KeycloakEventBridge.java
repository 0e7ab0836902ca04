package org.agora.identity.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import org.agora.events.EventCodec;
import org.agora.events.accounts.AccountEmailVerified;
import org.agora.events.audit.AuditEvent;
import org.agora.events.audit.SecurityEventRecorded;
import org.agora.events.sessions.SessionsEnded;
import org.agora.identity.keycloak.KeycloakAdmin;
import org.agora.identity.messaging.sessions.CutoffLog;
import org.agora.identity.signup.AccountLog;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Copies Keycloak's login and admin events onto {@code identity.audit} (every ~2 s), and a
 * confirmed e-mail address also onto {@code identity.accounts} as {@link AccountEmailVerified}, and
 * a logout, revocation, disabled or deleted user or lost role onto {@code identity.sessions} as
 * {@link SessionsEnded} (before the audit copy, so a crash between them repeats the cut-off). Where
 * it stopped is read back from the audit topic at start, so a restart neither loses nor (beyond the
 * overlap, which is de-duplicated) repeats events; copies are at least once, and a record's {@code
 * sourceId} recognises a repeat.
 */
@ApplicationScoped
public class KeycloakEventBridge {
  private static final Logger LOG = Logger.getLogger(KeycloakEventBridge.class);
  private static final int PAGE = 200;
  private static final int READ_BACK = 2000;

  private final KeycloakAdmin keycloak;
  private final AccountLog log;
  private final SecurityEventTranslator translator;
  private final KeycloakCutoffs cutoffs;
  private final CutoffLog cutoffLog;
  private final String bootstrap;
  private AuditCursor userCursor;
  private AuditCursor adminCursor;

  public KeycloakEventBridge(
      KeycloakAdmin keycloak,
      AccountLog log,
      CutoffLog cutoffLog,
      ObjectMapper json,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
    this.keycloak = keycloak;
    this.log = log;
    this.translator = new SecurityEventTranslator(json);
    this.cutoffs = new KeycloakCutoffs(json);
    this.cutoffLog = cutoffLog;
    this.bootstrap = bootstrap;
  }

  @Scheduled(
      identity = "keycloak-event-bridge",
      every = "${agora.audit.poll-every}",
      delayed = "${agora.audit.start-delay}",
      skipExecutionIf = Disabled.class,
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void poll() {
    try {
      if (userCursor == null) {
        readBack();
      }
      copy("/events", userCursor, translator::userEvent, cutoffs::userEvent);
      copy("/admin-events", adminCursor, translator::adminEvent, cutoffs::adminEvent);
    } catch (RuntimeException e) {
      LOG.warnf(e, "copying Keycloak events failed; retrying at the next poll");
    }
  }

  private void copy(
      String path,
      AuditCursor cursor,
      Function<JsonNode, SecurityEventRecorded> translate,
      Function<JsonNode, Optional<SessionsEnded>> cutoff) {
    List<JsonNode> fresh = new ArrayList<>();
    long from = cursor.from().toEpochMilli();
    for (int first = 0; ; first += PAGE) {
      JsonNode page = keycloak.get(path + "?dateFrom=" + from + "&first=" + first + "&max=" + PAGE);
      page.forEach(fresh::add);
      if (page.size() < PAGE) {
        break;
      }
    }
    fresh.sort(Comparator.comparingLong(e -> e.path("time").asLong()));
    for (JsonNode event : fresh) {
      String id = event.path("id").asText();
      if (id.isEmpty() || !cursor.isNew(id)) {
        continue;
      }
      SecurityEventRecorded record = translate.apply(event);
      if ("VERIFY_EMAIL".equals(record.kind())
          && record.error() == null
          && record.accountId() != null) {
        log.append(
            new AccountEmailVerified(record.accountId(), record.occurredAt()),
            record.occurredAt(),
            record.accountId().toString());
      }
      Optional<SessionsEnded> ended = cutoff.apply(event);
      if (ended.isPresent()) {
        cutoffLog.appendAndWait(
            ended.get(),
            record.actorId() != null ? record.actorId().toString() : AccountLog.SYSTEM_ACTOR);
      }
      log.appendAudit(record);
      cursor.copied(id, record.occurredAt());
    }
  }

  /** The newest copied event of each stream, from the last records of the audit topic. */
  private void readBack() {
    Map<Boolean, List<SecurityEventRecorded>> byStream = new HashMap<>();
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "identity-audit-readback-" + UUID.randomUUID());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(AuditEvent.TOPIC).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      for (TopicPartition partition : partitions) {
        consumer.seek(partition, Math.max(0, ends.get(partition) - READ_BACK));
      }
      Instant deadline = Instant.now().plusSeconds(30);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
          && Instant.now().isBefore(deadline)) {
        for (var record : consumer.poll(Duration.ofMillis(500))) {
          try {
            var event = EventCodec.decode(SecurityEventRecorded.class, record.value());
            byStream
                .computeIfAbsent(
                    event.kind().startsWith(SecurityEventTranslator.ADMIN_PREFIX),
                    k -> new ArrayList<>())
                .add(event);
          } catch (RuntimeException e) {
            // not a security event this version knows: skip it
          }
        }
      }
    }
    userCursor = cursorOf(byStream.getOrDefault(false, List.of()));
    adminCursor = cursorOf(byStream.getOrDefault(true, List.of()));
    LOG.infof(
        "copying Keycloak events from %s (user) and %s (admin)",
        userCursor.from(), adminCursor.from());
  }

  private static AuditCursor cursorOf(List<SecurityEventRecorded> copied) {
    // Nothing copied yet: everything Keycloak still keeps.
    AuditCursor cursor = new AuditCursor(Instant.EPOCH.plus(AuditCursor.OVERLAP));
    copied.stream()
        .sorted(Comparator.comparing(SecurityEventRecorded::occurredAt))
        .forEach(e -> cursor.copied(e.sourceId(), e.occurredAt()));
    return cursor;
  }

  /** Lets a deployment switch the bridge off ({@code agora.audit.enabled=false}). */
  @ApplicationScoped
  public static class Disabled implements Scheduled.SkipPredicate {
    private final boolean enabled;

    public Disabled(@ConfigProperty(name = "agora.audit.enabled") boolean enabled) {
      this.enabled = enabled;
    }

    @Override
    public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
      return !enabled;
    }
  }
}
