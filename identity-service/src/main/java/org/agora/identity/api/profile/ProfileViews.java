package org.agora.identity.api.profile;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.agora.events.EncryptedContent;
import org.agora.events.crypto.CryptoException;
import org.agora.events.crypto.DataKey;
import org.agora.identity.domain.profile.ProfileEditor.Profile;
import org.agora.identity.projection.IdentityStore;
import org.agora.identity.projection.ProjectedAccount;
import org.agora.kit.keys.ContentKeyRing;
import org.agora.kit.mastodon.MastodonAccount;
import org.agora.kit.mastodon.StatusHtml;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Renders projected accounts as Mastodon entities, opening the sealed profile fields in memory with
 * the account's key; a shredded or unknown key shows an empty profile.
 */
@ApplicationScoped
public class ProfileViews {
  private final IdentityStore store;
  private final ContentKeyRing keys;
  private final String base;

  public ProfileViews(
      IdentityStore store,
      ContentKeyRing keys,
      @ConfigProperty(name = "agora.public-url") String base) {
    this.store = store;
    this.keys = keys;
    this.base = base.replaceAll("/+$", "");
  }

  public Profile profile(ProjectedAccount account) {
    var key = keys.find(account.id);
    if (key.isEmpty()) {
      return Profile.EMPTY;
    }
    String aad = account.id.toString();
    return new Profile(
        open(key.get(), account.displayName(), aad), open(key.get(), account.note(), aad));
  }

  public Uni<MastodonAccount> account(ProjectedAccount account) {
    return store.counts(account.id).map(counts -> render(account, profile(account), counts));
  }

  public Uni<CredentialAccountView> credentials(ProjectedAccount account) {
    Profile profile = profile(account);
    return store
        .counts(account.id)
        .map(
            counts ->
                new CredentialAccountView(
                    render(account, profile, counts),
                    CredentialAccountView.Source.of(profile.note())));
  }

  /** The accounts of {@code ids} in that order; ids no longer projected are left out. */
  public Uni<List<MastodonAccount>> accounts(List<UUID> ids) {
    return store
        .accounts(ids)
        .chain(
            found -> {
              Map<UUID, ProjectedAccount> byId =
                  found.stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
              Uni<List<MastodonAccount>> rendered = Uni.createFrom().item(new ArrayList<>());
              for (UUID id : ids) {
                ProjectedAccount account = byId.get(id);
                if (account == null) {
                  continue;
                }
                rendered =
                    rendered.chain(
                        list ->
                            account(account)
                                .map(
                                    one -> {
                                      list.add(one);
                                      return list;
                                    }));
              }
              return rendered;
            });
  }

  private MastodonAccount render(
      ProjectedAccount account, Profile profile, IdentityStore.Counts counts) {
    return MastodonAccount.profile(
        account.id.toString(),
        account.handle,
        profile.displayName(),
        profile.note().isEmpty() ? "" : StatusHtml.render(profile.note()),
        account.createdAt,
        base,
        counts.followers(),
        counts.following());
  }

  private static String open(DataKey key, EncryptedContent sealed, String aad) {
    if (sealed == null) {
      return "";
    }
    try {
      return key.open(sealed, aad);
    } catch (CryptoException e) {
      return "";
    }
  }
}
