package org.agora.identity.signup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.agora.identity.domain.signup.SignupThrottle;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The one sign-up throttle of this instance. */
public class SignupBeans {
  @Produces
  @ApplicationScoped
  SignupThrottle signupThrottle(
      @ConfigProperty(name = "agora.signup.max-per-minute") int maxPerMinute) {
    return new SignupThrottle(Clock.systemUTC(), maxPerMinute);
  }
}
