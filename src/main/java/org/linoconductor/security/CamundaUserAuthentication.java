package org.linoconductor.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Spring Security's check of a user name and password (the sign-in form, HTTP Basic) against
 * Camunda's identity service, through {@link SignInThrottle}: the users and groups of Camunda Admin,
 * each group an authority named as the group.
 */
@Component
class CamundaUserAuthentication implements AuthenticationProvider {

  static final String WRONG = "Wrong user name or password.";

  private final IdentityService identity;
  private final SignInThrottle throttle;

  CamundaUserAuthentication(IdentityService identity, SignInThrottle throttle) {
    this.identity = identity;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    String user = attempt.getName();
    String password = attempt.getCredentials() == null ? null : attempt.getCredentials().toString();
    String address = attempt.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress() : "";
    try (SignInThrottle.Attempt check = throttle.begin(user, address)) {
      boolean right = identity.checkPassword(user, password);
      check.settle(right);
      if (!right) {
        throw new BadCredentialsException(WRONG); // the same for an unknown user
      }
    }
    List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).map(SimpleGrantedAuthority::new).toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
