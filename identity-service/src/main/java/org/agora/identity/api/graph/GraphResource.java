package org.agora.identity.api.graph;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.relationships.AccountFollowed;
import org.agora.events.relationships.RelationshipEvent;
import org.agora.identity.domain.graph.FollowLimit;
import org.agora.identity.domain.graph.GraphRules;
import org.agora.identity.lifecycle.AccountEnrolment;
import org.agora.identity.messaging.graph.GraphProjectionConsumers;
import org.agora.identity.messaging.graph.IdentityLog;
import org.agora.identity.projection.IdentityStore;
import org.agora.kit.api.ApiException;
import org.agora.kit.auth.Caller;
import org.agora.kit.mastodon.MastodonRelationship;

/**
 * Mastodon's social graph API. Following and blocking are speech (verified e-mail, an active
 * account, a daily follow limit); every command appends its events to {@code identity.follows},
 * then projects them so the answer already shows them. Lists need a token and are paged.
 */
@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class GraphResource {
  static final int MAX_RELATIONSHIP_IDS = 40;

  private final Caller caller;
  private final AccountEnrolment enrolment;
  private final IdentityStore store;
  private final IdentityLog log;
  private final GraphProjectionConsumers projection;
  private final FollowLimit followLimit;
  private final AccountPages pages;

  public GraphResource(
      Caller caller,
      AccountEnrolment enrolment,
      IdentityStore store,
      IdentityLog log,
      GraphProjectionConsumers projection,
      FollowLimit followLimit,
      AccountPages pages) {
    this.caller = caller;
    this.enrolment = enrolment;
    this.store = store;
    this.log = log;
    this.projection = projection;
    this.followLimit = followLimit;
    this.pages = pages;
  }

  @POST
  @Path("/{id}/follow")
  public Uni<MastodonRelationship> follow(@PathParam("id") String id) {
    return command(id, GraphRules::follow);
  }

  @POST
  @Path("/{id}/unfollow")
  public Uni<MastodonRelationship> unfollow(@PathParam("id") String id) {
    return command(id, GraphRules::unfollow);
  }

  @POST
  @Path("/{id}/block")
  public Uni<MastodonRelationship> block(@PathParam("id") String id) {
    return command(id, GraphRules::block);
  }

  @POST
  @Path("/{id}/unblock")
  public Uni<MastodonRelationship> unblock(@PathParam("id") String id) {
    return command(id, GraphRules::unblock);
  }

  @GET
  @Path("/relationships")
  public Uni<List<MastodonRelationship>> relationships(
      @QueryParam("id[]") List<String> ids, @QueryParam("id") List<String> plainIds) {
    AccountId me = caller.requireAccount();
    var requested = new LinkedHashSet<String>();
    if (ids != null) {
      requested.addAll(ids);
    }
    if (plainIds != null) {
      requested.addAll(plainIds);
    }
    if (requested.size() > MAX_RELATIONSHIP_IDS) {
      throw ApiException.unprocessable(
          "id[]: " + requested.size() + " ids, at most " + MAX_RELATIONSHIP_IDS);
    }
    List<UUID> parsed = new ArrayList<>();
    for (String raw : requested) {
      try {
        parsed.add(UUID.fromString(raw));
      } catch (IllegalArgumentException e) {
        // Mastodon answers only for accounts it knows; a malformed id is one it does not.
      }
    }
    return store
        .accounts(parsed)
        .chain(
            known -> {
              var knownIds = known.stream().map(a -> a.id).toList();
              List<UUID> ordered = parsed.stream().filter(knownIds::contains).toList();
              return store
                  .relationships(me.value(), ordered)
                  .map(
                      standings -> {
                        List<MastodonRelationship> answer = new ArrayList<>();
                        for (int i = 0; i < ordered.size(); i++) {
                          answer.add(relationship(ordered.get(i), standings.get(i)));
                        }
                        return answer;
                      });
            });
  }

  @GET
  @Path("/{id}/followers")
  public Uni<Response> followers(
      @PathParam("id") String id,
      @QueryParam("max_id") String maxId,
      @QueryParam("since_id") String sinceId,
      @QueryParam("min_id") String minId,
      @QueryParam("limit") String limit) {
    caller.requireAccount();
    UUID account = accountId(id);
    var page = EdgeCursors.page(maxId, sinceId, minId, limit, 40);
    return known(account)
        .chain(() -> store.followers(account, page))
        .chain(
            edges -> pages.page(edges, "/api/v1/accounts/" + account + "/followers", page.limit()));
  }

  @GET
  @Path("/{id}/following")
  public Uni<Response> following(
      @PathParam("id") String id,
      @QueryParam("max_id") String maxId,
      @QueryParam("since_id") String sinceId,
      @QueryParam("min_id") String minId,
      @QueryParam("limit") String limit) {
    caller.requireAccount();
    UUID account = accountId(id);
    var page = EdgeCursors.page(maxId, sinceId, minId, limit, 40);
    return known(account)
        .chain(() -> store.following(account, page))
        .chain(
            edges -> pages.page(edges, "/api/v1/accounts/" + account + "/following", page.limit()));
  }

  private Uni<Void> known(UUID account) {
    return store
        .account(account)
        .invoke(found -> found.orElseThrow(ApiException::notFound))
        .replaceWithVoid();
  }

  private interface Rule {
    List<RelationshipEvent> decide(
        AccountId me, AccountId target, GraphRules.Standing standing, Instant now);
  }

  private Uni<MastodonRelationship> command(String id, Rule rule) {
    AccountId me = caller.requireSpeaker();
    UUID targetId = accountId(id);
    AccountId target = new AccountId(targetId);
    return enrolment
        .ensure(me, caller.username().orElse(null))
        .invoke(account -> GraphRules.requireActive(account.state, "follow or block"))
        .chain(() -> known(targetId))
        .chain(() -> store.standing(me.value(), targetId))
        .chain(
            standing -> {
              Instant now = followLimit.now();
              List<RelationshipEvent> events = rule.decide(me, target, standing, now);
              boolean follows = events.stream().anyMatch(e -> e instanceof AccountFollowed);
              Uni<Void> allowed =
                  follows
                      ? store
                          .pruneFollowActions(me.value(), followLimit.windowStart())
                          .chain(() -> store.followsSince(me.value(), followLimit.windowStart()))
                          .invoke(followLimit::check)
                          .replaceWithVoid()
                      : Uni.createFrom().voidItem();
              return allowed.chain(() -> append(events, now, me));
            })
        .chain(() -> store.standing(me.value(), targetId))
        .map(standing -> relationship(targetId, standing));
  }

  private Uni<Void> append(List<RelationshipEvent> events, Instant now, AccountId actor) {
    Uni<Void> done = Uni.createFrom().voidItem();
    for (RelationshipEvent event : events) {
      done =
          done.chain(() -> log.append(event, now, actor.toString()))
              .chain(eventId -> projection.apply(eventId, event));
    }
    return done;
  }

  static MastodonRelationship relationship(UUID other, GraphRules.Standing standing) {
    return MastodonRelationship.of(
        other.toString(),
        standing.following(),
        standing.followedBy(),
        standing.blocking(),
        standing.blockedBy());
  }

  static UUID accountId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound();
    }
  }
}
