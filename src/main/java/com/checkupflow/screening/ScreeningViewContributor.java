package com.checkupflow.screening;

import java.util.Map;

/** Lets a feature (drafting, review, report…) add its part to {@code GET /api/screenings/{id}}. */
public interface ScreeningViewContributor {

    void contribute(Screening screening, Map<String, Object> view);
}
