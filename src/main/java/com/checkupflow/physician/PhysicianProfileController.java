package com.checkupflow.physician;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.checkupflow.security.CenterAccess;
import com.checkupflow.web.Problem;
import com.checkupflow.web.ProblemException;

/**
 * Administrators keep the physicians' profiles (name and licence number on the signed report): {@code camunda-admin}
 * only (SecurityConfiguration). A profile belongs to an engine user of the group physician or headPhysician.
 */
@RestController
class PhysicianProfileController {

    private final PhysicianProfiles profiles;
    private final PhysicianDirectory directory;
    private final CenterAccess access;

    PhysicianProfileController(PhysicianProfiles profiles, PhysicianDirectory directory, CenterAccess access) {
        this.profiles = profiles;
        this.directory = directory;
        this.access = access;
    }

    record ProfileRequest(String displayName, String licenceNumber) {
    }

    @GetMapping(path = "/api/physicians", produces = "application/json")
    List<PhysicianProfile> list() {
        return profiles.all();
    }

    @GetMapping(path = "/api/physicians/{userId}", produces = "application/json")
    PhysicianProfile get(@PathVariable String userId) {
        return profiles.find(userId).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                "No physician profile", new Problem("profile_not_found", "No profile for user " + userId)));
    }

    @PutMapping(path = "/api/physicians/{userId}", consumes = "application/json", produces = "application/json")
    PhysicianProfile put(@PathVariable String userId, @RequestBody ProfileRequest request) {
        List<String> problems = PhysicianProfiles.problems(request.displayName(), request.licenceNumber());
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "The physician profile is incomplete",
                    problems.stream().map(p -> new Problem("profile_invalid", p)).toList());
        }
        if (!directory.isPhysician(userId)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Not a physician", new Problem("not_a_physician",
                    "사용자 " + userId + "은(는) physician 또는 headPhysician 그룹에 없습니다"));
        }
        return profiles.save(userId, request.displayName(), request.licenceNumber(), access.current().id());
    }
}
