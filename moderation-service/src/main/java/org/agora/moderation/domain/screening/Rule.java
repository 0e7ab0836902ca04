package org.agora.moderation.domain.screening;

import java.util.regex.Pattern;

/**
 * One compiled pattern: a match is evidence of {@code category} with {@code weight} before context.
 * {@code triggers} is the set of trigger words (as a bit mask over the rule set's trigger slots)
 * every match must contain, so a sentence without them is never tried; {@code starter} indexes the
 * rule set's gates for the words a match may start at (-1: any word).
 */
record Rule(
    String id,
    Category category,
    double weight,
    Pattern pattern,
    int starter,
    long triggers,
    boolean negatable,
    boolean genreSensitive,
    Pattern requires) {

  /** Ways a rule departs from the default (negatable, softened by fiction, sports, ...). */
  enum Flag {
    /** Negation in the clause does not cancel it ("schade, dass er nicht mehr erwischt hat"). */
    NOT_NEGATABLE,
    /** Fiction, games, sports and history do not soften it ("let's do it again"). */
    GENRE_BLIND
  }
}
