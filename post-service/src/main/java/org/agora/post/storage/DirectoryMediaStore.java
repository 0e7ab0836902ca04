package org.agora.post.storage;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sealed media as one file per object in a directory, written under a temporary name and moved into
 * place so a reader never sees half a file.
 */
@ApplicationScoped
public class DirectoryMediaStore implements MediaStore {
  private final Vertx vertx;
  private final Path root;

  public DirectoryMediaStore(Vertx vertx, @ConfigProperty(name = "agora.media.dir") Path root) {
    this.vertx = vertx;
    this.root = root.toAbsolutePath();
  }

  @Override
  public Uni<Void> put(UUID mediaId, byte[] sealed) {
    String target = file(mediaId);
    String partial = target + ".partial";
    var fs = vertx.fileSystem();
    return fs.mkdirs(root.toString())
        .chain(() -> fs.writeFile(partial, Buffer.buffer(sealed)))
        .chain(
            () ->
                fs.move(
                    partial,
                    target,
                    new io.vertx.core.file.CopyOptions().setReplaceExisting(true)));
  }

  @Override
  public Uni<Optional<byte[]>> get(UUID mediaId) {
    String path = file(mediaId);
    var fs = vertx.fileSystem();
    return fs.exists(path)
        .chain(
            exists ->
                exists
                    ? fs.readFile(path).map(buffer -> Optional.of(buffer.getBytes()))
                    : Uni.createFrom().item(Optional.<byte[]>empty()));
  }

  @Override
  public Uni<Void> delete(UUID mediaId) {
    String path = file(mediaId);
    var fs = vertx.fileSystem();
    // NOTE: a deletion, its write-through and the tombstone consumer may race for the same file;
    // whoever comes second finds it gone, which is the outcome wanted.
    return fs.delete(path)
        .onFailure()
        .recoverWithUni(
            failure ->
                fs.exists(path)
                    .chain(
                        exists ->
                            exists
                                ? Uni.createFrom().<Void>failure(failure)
                                : Uni.createFrom().voidItem()));
  }

  public Path root() {
    return root;
  }

  private String file(UUID mediaId) {
    return root.resolve(mediaId + ".sealed").toString();
  }
}
