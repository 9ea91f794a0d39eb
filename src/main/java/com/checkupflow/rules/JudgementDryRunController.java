package com.checkupflow.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.checkupflow.intake.BundleParser;
import com.checkupflow.intake.ParsedBundle;
import com.checkupflow.intake.ScreeningNormalizer;
import com.checkupflow.judgement.Judgement;
import com.checkupflow.judgement.JudgementService;
import com.checkupflow.judgement.JudgingRules;
import com.checkupflow.kernel.NormalizedScreening;
import com.checkupflow.web.BundleBody;
import com.checkupflow.web.Problem;
import com.checkupflow.web.ProblemException;

/**
 * Dry runs for designers editing the DMN: a Bundle in, the judgement out, by the deployed rules or by an edited DMN
 * that is never deployed (the comparison over stored screenings: {@link RuleComparisonController}). The Bundle is read
 * by intake's parser and normalizer, as a posted screening is; the judgement only sees the normalized screening.
 * Nothing is stored, no workflow starts, the engine keeps no history of it.
 */
@RestController
class JudgementDryRunController {

    private final BundleParser parser;
    private final ScreeningNormalizer normalizer;
    private final JudgementService judgements;
    private final BundleBody body;
    private final JudgingRules rules;

    JudgementDryRunController(BundleParser parser, ScreeningNormalizer normalizer, JudgementService judgements, BundleBody body,
                        JudgingRules rules) {
        this.parser = parser;
        this.normalizer = normalizer;
        this.judgements = judgements;
        this.body = body;
        this.rules = rules;
    }

    @PostMapping(path = "/api/judgements", consumes = {"application/fhir+json", "application/json"},
            produces = "application/json")
    Judgement judge(HttpServletRequest request) throws IOException {
        return judgements.judge(screening(body.read(request))).judgement();
    }

    /** The what-if dry run: parts {@code bundle} (the FHIR Bundle) and {@code dmn} (an edited screening-judgement.dmn). */
    @PostMapping(path = "/api/judgements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = "application/json")
    Judgement judgeWithEditedRules(@RequestPart("bundle") MultipartFile bundle, @RequestPart("dmn") MultipartFile dmn)
            throws IOException {
        JudgingRules.Candidate edited = rules.candidate(dmn.getBytes());
        return judgements.judge(screening(body.read(bundle)), edited).judgement();
    }

    private NormalizedScreening screening(byte[] bundle) {
        ParsedBundle parsed = parser.parse(new String(bundle, StandardCharsets.UTF_8));
        if (!parsed.isAccepted()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "The Bundle cannot be judged",
                    parsed.problems().stream().map(p -> new Problem(p.code(), p.detail(), p.facts())).toList());
        }
        return normalizer.normalize(parsed.bundle());
    }
}
