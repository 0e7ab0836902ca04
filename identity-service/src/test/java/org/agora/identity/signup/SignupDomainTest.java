package org.agora.identity.signup;

import org.agora.testing.DomainRules;
import org.junit.jupiter.api.Test;

class SignupDomainTest {
  @Test
  void theSignUpRulesKnowNoFramework() {
    DomainRules.checkFrameworkFree("org.agora.identity.domain.signup");
  }
}
