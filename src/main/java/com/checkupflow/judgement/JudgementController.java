package com.checkupflow.judgement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.checkupflow.web.BundleBody;
import com.checkupflow.web.Problem;
import com.checkupflow.web.ProblemException;

/** Dry run for designers editing the DMN: a Bundle in, the judgement out; nothing stored, no workflow. */
@RestController
class JudgementController {

    private final BundleParser parser;
    private final ScreeningNormalizer normalizer;
    private final JudgementService judgements;
    private final BundleBody body;

    JudgementController(BundleParser parser, ScreeningNormalizer normalizer, JudgementService judgements, BundleBody body) {
        this.parser = parser;
        this.normalizer = normalizer;
        this.judgements = judgements;
        this.body = body;
    }

    @PostMapping(path = "/api/judgements", consumes = {"application/fhir+json", "application/json"},
            produces = "application/json")
    Judgement judge(HttpServletRequest request) throws IOException {
        ParsedBundle parsed = parser.parse(new String(body.read(request), StandardCharsets.UTF_8));
        if (!parsed.isAccepted()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "The Bundle cannot be judged",
                    parsed.problems().stream().map(p -> new Problem(p.code(), p.detail())).toList());
        }
        return judgements.judge(normalizer.normalize(parsed.bundle())).judgement();
    }
}
