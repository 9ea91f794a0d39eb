package com.checkupflow.screening;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.checkupflow.center.Center;
import com.checkupflow.center.Centers;
import com.checkupflow.security.CenterAccess;
import com.checkupflow.web.Problem;
import com.checkupflow.web.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

@RestController
@RequestMapping("/api/screenings")
class ScreeningController {

    private final ScreeningRepository screenings;
    private final ScreeningWorkflow workflow;
    private final Centers centers;
    private final ObjectMapper json;
    private final List<ScreeningViewContributor> contributors;
    private final CenterAccess access;

    ScreeningController(ScreeningRepository screenings, ScreeningWorkflow workflow, Centers centers, ObjectMapper json,
                        List<ScreeningViewContributor> contributors, CenterAccess access) {
        this.access = access;
        this.screenings = screenings;
        this.workflow = workflow;
        this.centers = centers;
        this.json = json;
        this.contributors = contributors;
    }

    @GetMapping(path = "/{id}", produces = "application/json")
    Map<String, Object> get(@PathVariable String id) throws JsonProcessingException {
        Screening s = screenings.find(id).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                "Screening not found", new Problem("screening_not_found", "No screening with id " + id)));
        access.requireCenter(s.center());
        Center center = centers.find(s.center()).orElse(new Center(s.center(), s.center(), s.center(), "ko"));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", s.id());
        view.put("stage", s.stage());
        view.put("center", Map.of("id", center.id(), "name", center.displayName(s.language())));
        view.put("language", s.language());
        view.put("receivedAt", s.receivedAt());
        view.put("examDate", s.examDate());
        view.put("sourceIdentifier", Map.of("system", s.sourceSystem(), "value", s.sourceValue()));
        view.put("patient", maskedPatient(s));
        view.put("judgement", s.judgementJson() == null ? null : json.readTree(s.judgementJson()));
        view.put("criticalFindings", s.criticalFindings());
        view.put("openTasks", workflow.openTasks(s.id()));
        contributors.forEach(c -> c.contribute(s, view));
        view.put("issuedAt", s.issuedAt());
        view.put("issuedBy", s.issuedBy());
        return view;
    }

    private static Map<String, Object> maskedPatient(Screening s) {
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("name", PersonalData.maskName(s.patient().name()));
        patient.put("rrn", PersonalData.maskRrn(s.patient().rrn()));
        patient.put("sex", s.sex() == null ? null : s.sex().code());
        patient.put("age", s.age() < 0 ? null : s.age());
        patient.put("problems", s.patient().problems());
        return patient;
    }
}
