package com.checkupflow.security;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** HTTP basic on {@code /api/**} against the engine's users; each engine group becomes an authority. */
@Component
class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

    private final EngineIdentity identity;

    EngineIdentityAuthenticationProvider(EngineIdentity identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        CurrentUser user = identity.authenticate(userId, credentials == null ? null : credentials.toString())
                .orElseThrow(() -> new BadCredentialsException("Bad credentials"));
        List<SimpleGrantedAuthority> authorities = user.groups().stream().map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
