package com.checkupflow.review;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.checkupflow.engine.TaskFormTexts;
import com.checkupflow.process.ScreeningReportProcess.Activities;
import com.checkupflow.process.ScreeningReportProcess.Vars;

/**
 * The review form's judgement beside the draft (the table per item, the overall summary, the patient details to
 * check), from the screening as stored whenever the form is read: the judgement and the patient live in cf_screening,
 * so no copy of them is written into the engine when the review opens.
 */
@Component
class ReviewFormTexts implements TaskFormTexts {

    private final ReviewService reviews;

    ReviewFormTexts(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public String taskDefinitionKey() {
        return Activities.REVIEW_REPORT;
    }

    @Override
    public Map<String, String> texts(String screeningId, String formLanguage) {
        ReviewService.ReviewContext context = reviews.context(screeningId, formLanguage);
        Map<String, String> texts = new HashMap<>();
        texts.put(Vars.JUDGEMENT_SUMMARY, context.judgementTable());
        texts.put(Vars.OVERALL_SUMMARY, context.overallSummary());
        texts.put(Vars.PATIENT_PROBLEMS, context.patientProblems());
        return texts;
    }
}
