package com.checkupflow.web;

import java.util.List;

import com.checkupflow.center.Center;
import com.checkupflow.center.Centers;

/** The center a query parameter may name where it is optional (analytics figures, the AI register). */
public final class QueryCenters {

    private QueryCenters() {
    }

    /**
     * The trimmed center id, or null (every center) when the parameter is absent or blank; an unknown center adds an
     * {@code unknown_center} problem naming the known ones.
     */
    public static String of(String center, Centers centers, List<Problem> problems) {
        String id = center == null || center.isBlank() ? null : center.trim();
        if (id != null && centers.find(id).isEmpty()) {
            String known = String.join(", ", centers.all().stream().map(Center::id).toList());
            problems.add(new Problem("unknown_center", "Unknown center; known: " + known,
                    java.util.Map.of("known", known)));
        }
        return id;
    }
}
