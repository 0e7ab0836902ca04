package org.agora.moderation;

import org.agora.testing.DomainRules;
import org.junit.jupiter.api.Test;

class DomainArchitectureTest {
  @Test
  void theDomainKnowsNoFramework() {
    DomainRules.checkFrameworkFree("org.agora.moderation");
  }
}
