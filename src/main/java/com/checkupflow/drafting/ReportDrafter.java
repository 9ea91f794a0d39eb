package com.checkupflow.drafting;

import com.checkupflow.ai.DraftRequest;

/**
 * The drafting port: turns a judgement into the patient's report summary, which a physician reviews.
 * Implementations receive de-identified input only ({@link PatientContext} has no name and no RRN).
 * {@link TemplateReportDrafter} is the offline default and the fallback for model-backed drafters.
 */
public interface ReportDrafter {

    Draft draft(DraftRequest request);
}
