package org.agora.identity.graph;

import org.agora.testing.DomainRules;
import org.junit.jupiter.api.Test;

/** The profile and graph rules know no framework (plain JUnit tests them, with a fixed clock). */
class ProfileGraphDomainTest {
  @Test
  void profileAndGraphDomainsAreFrameworkFree() {
    DomainRules.checkFrameworkFree("org.agora.identity.domain.profile");
    DomainRules.checkFrameworkFree("org.agora.identity.domain.graph");
  }
}
