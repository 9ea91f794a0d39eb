package com.checkupflow.critical;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.checkupflow.screening.Screening;
import com.checkupflow.screening.ScreeningViewContributor;

/** {@code criticalContacts} in {@code GET /api/screenings/{id}}: every attempt to reach the patient, oldest first. */
@Component
class CriticalContactViewContributor implements ScreeningViewContributor {

    private final CriticalContactService contacts;

    CriticalContactViewContributor(CriticalContactService contacts) {
        this.contacts = contacts;
    }

    @Override
    public void contribute(Screening screening, Map<String, Object> view) {
        view.put("criticalContacts", contacts.history(screening.id()).stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("reached", c.reached());
            m.put("method", c.method());
            m.put("note", c.note());
            m.put("contactedBy", c.contactedBy());
            m.put("contactedAt", c.contactedAt());
            m.put("escalated", c.escalated());
            return m;
        }).toList());
    }
}
