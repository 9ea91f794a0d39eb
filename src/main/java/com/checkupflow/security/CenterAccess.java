package com.checkupflow.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import com.checkupflow.web.Problem;
import com.checkupflow.web.ProblemException;

/** Center scoping of the API: staff see their own center's screenings; managers and administrators all. */
@Component
public class CenterAccess {

    public CurrentUser current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
            return user;
        }
        throw new ProblemException(HttpStatus.UNAUTHORIZED, "Authentication required",
                new Problem("unauthenticated", "Log in with HTTP basic"));
    }

    /** @throws ProblemException 403 when the current user does not work for the center */
    public CurrentUser requireCenter(String center) {
        CurrentUser user = current();
        if (!user.belongsTo(center)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Not your center",
                    new Problem("other_center", "This screening belongs to another center"));
        }
        return user;
    }

    /** @throws ProblemException 403 unless the current user is in one of the groups (administrators always are) */
    public CurrentUser requireAnyGroup(String... groups) {
        CurrentUser user = current();
        if (!user.isAdmin() && !user.hasAnyGroup(groups)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Not allowed for your role",
                    new Problem("forbidden_role", "This needs one of the roles " + String.join(", ", groups)));
        }
        return user;
    }
}
