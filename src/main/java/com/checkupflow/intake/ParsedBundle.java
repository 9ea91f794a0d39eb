package com.checkupflow.intake;

import java.util.List;
import java.util.Objects;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The result of {@link BundleParser#parse(String)}: either an accepted Bundle (no problems) or every
 * whole-screening problem found (bundle is then null).
 */
public record ParsedBundle(Bundle bundle, List<BundleProblem> problems) {

    public ParsedBundle {
        problems = List.copyOf(problems);
        if ((bundle == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("either a bundle or at least one problem");
        }
    }

    static ParsedBundle accepted(Bundle bundle) {
        return new ParsedBundle(Objects.requireNonNull(bundle), List.of());
    }

    static ParsedBundle rejected(List<BundleProblem> problems) {
        return new ParsedBundle(null, problems);
    }

    public boolean isAccepted() {
        return bundle != null;
    }

    /** The problem codes, in the order found. */
    public List<String> problemCodes() {
        return problems.stream().map(BundleProblem::code).toList();
    }
}
