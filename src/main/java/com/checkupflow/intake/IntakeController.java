package com.checkupflow.intake;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.checkupflow.web.BundleBody;

@RestController
@RequestMapping("/api/screenings")
class IntakeController {

    private final IntakeService intake;
    private final BundleBody body;

    IntakeController(IntakeService intake, BundleBody body) {
        this.intake = intake;
        this.body = body;
    }

    /** 201 with the new screening's id, or 200 with the existing id when the Bundle identifier is known. */
    @PostMapping(consumes = {"application/fhir+json", "application/json"}, produces = "application/json")
    ResponseEntity<Map<String, Object>> receive(@RequestParam(required = false) String center,
                                                @RequestParam(required = false) String language,
                                                HttpServletRequest request) throws IOException {
        IntakeResult result = intake.receive(center, language, body.read(request));
        URI location = URI.create("/api/screenings/" + result.id());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(location)
                .body(Map.of("id", result.id(), "created", result.created(), "location", location.toString()));
    }
}
