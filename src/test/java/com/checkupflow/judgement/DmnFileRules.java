package com.checkupflow.judgement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@link JudgingRules} of one DMN file, as if it were the only deployed version: for tests of the report and the FHIR
 * export without an engine. Edited candidates need the engine ({@link CamundaJudgingRules}).
 */
public final class DmnFileRules implements JudgingRules {

    public static final Path SHIPPED = Path.of("processes/screening-judgement.dmn");

    private final DecisionBands bands;

    public DmnFileRules(Path dmn) {
        try (InputStream in = Files.newInputStream(dmn)) {
            this.bands = CamundaDmnBands.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DmnFileRules shipped() {
        return new DmnFileRules(SHIPPED);
    }

    @Override
    public DecisionBands bands(String decisionDefinitionId) {
        return bands;
    }

    @Override
    public String latestDefinitionId() {
        return "screening_judgement:file";
    }

    @Override
    public Candidate candidate(byte[] dmnXml) {
        throw new UnsupportedOperationException("Edited rules need the DMN engine: use CamundaJudgingRules");
    }
}
