package com.checkupflow.security;

import java.security.Principal;
import java.util.Set;

/** An authenticated user with the engine groups (roles) and tenants (centers) it belongs to. */
public record CurrentUser(String id, Set<String> groups, Set<String> tenants) implements Principal {

    public CurrentUser {
        groups = Set.copyOf(groups);
        tenants = Set.copyOf(tenants);
    }

    @Override
    public String getName() {
        return id;
    }

    public boolean isAdmin() {
        return groups.contains(Roles.ADMIN);
    }

    public boolean hasAnyGroup(String... candidates) {
        for (String g : candidates) {
            if (groups.contains(g)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the user works for the center (its tenant) or for all of them. */
    public boolean belongsTo(String center) {
        return isAdmin() || tenants.contains(center);
    }
}
