package com.checkupflow.security;

import java.util.Optional;

/** The engine's identity service as the security layer sees it; the Camunda adapter lives in {@code engine}. */
public interface EngineIdentity {

    /** @return the user with its groups and tenants when the password is right, else empty */
    Optional<CurrentUser> authenticate(String userId, String password);

    /** Makes the engine check authorizations and tenants for this user on the current thread. */
    void bind(CurrentUser user);

    void unbind();
}
